using BenchmarkDotNet.Running;

namespace NetHub.Benchmarks;

/// <summary>Runs the suites picked by --filter; see bench/README.md for the commands that record the figures.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
