using BenchmarkDotNet.Running;
using NetHub.Benchmarks.Udp;

namespace NetHub.Benchmarks;

/// <summary>
/// BenchmarkDotNet suites picked by --filter (see the scripts in bench/), or a receiver under test
/// for bench/udp-receive.sh ("udp-sink PORT").
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["udp-sink", _])
        {
            return UdpSink.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
