using BenchmarkDotNet.Attributes;
using NetHub.Osc;

namespace NetHub.Benchmarks.Osc;

/// <summary>
/// performance.md item 6, dispatch table: 1,000 registered addresses and the 20 corpus patterns, one
/// <see cref="OscDispatchTable{T}.Match(ReadOnlySpan{char}, List{T})"/> per op. The sanity bound is rtosc's
/// idea of ≤ 100 ns per dispatch (rtosc is not packaged, so there is no same-run anchor).
/// </summary>
[MemoryDiagnoser]
public class OscPatternDispatchBenchmarks
{
    private readonly OscDispatchTable<int> _table = new();
    private readonly List<int> _results = new(16);

    [GlobalSetup]
    public void Setup()
    {
        int value = 0;
        for (int ch = 1; ch <= 200; ch++)
        {
            foreach (string control in (string[])["fader", "mute", "pan"])
            {
                _table.Add($"/mixer/ch/{ch}/{control}", value++);
            }
        }

        for (int fixture = 1; fixture <= 100; fixture++)
        {
            foreach (string control in (string[])["intensity", "pan", "tilt", "color"])
            {
                _table.Add($"/light/{fixture}/{control}", value++);
            }
        }

        foreach (string pattern in OscPatternCorpus.Patterns)
        {
            _table.Add(pattern, value++);
        }

        if (_table.Count != 1020 || LiteralHit() != 4 || PatternHit() != 1 || UnregisteredHit() != 2 || Miss() != 0)
        {
            throw new InvalidOperationException("dispatch table setup does not give the expected hits");
        }
    }

    /// <summary>A registered address that three patterns also match: four values, from one lookup.</summary>
    [Benchmark]
    public int LiteralHit() => Dispatch("/mixer/ch/12/fader");

    /// <summary>An address registered only through a pattern ("/cue/{go,stop,pause}").</summary>
    [Benchmark]
    public int PatternHit() => Dispatch("/cue/go");

    /// <summary>An unregistered address among the registered ones: five candidate patterns tested, two match.</summary>
    [Benchmark]
    public int UnregisteredHit() => Dispatch("/mixer/ch/250/fader");

    /// <summary>An address shaped like many registrations that matches none of them.</summary>
    [Benchmark]
    public int Miss() => Dispatch("/mixer/ch/12/gain");

    private int Dispatch(string address)
    {
        _results.Clear();
        return _table.Match(address, _results);
    }
}
