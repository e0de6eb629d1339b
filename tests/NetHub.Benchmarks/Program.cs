using BenchmarkDotNet.Configs;
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

        // The bench scripts pin the whole run to one core, where building the generated benchmark project can take
        // longer than BenchmarkDotNet's default two minutes; past the limit it would measure nothing.
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
        return 0;
    }
}
