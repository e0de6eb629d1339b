using System.Text;
using BenchmarkDotNet.Attributes;
using NetHub.Osc;

namespace NetHub.Benchmarks.Osc;

/// <summary>
/// performance.md item 6: one <see cref="OscAddressPattern.IsMatch(ReadOnlySpan{char})"/> call per pair of the
/// <see cref="OscPatternCorpus"/>, patterns parsed once as a router holds them. The anchor, liblo's
/// <c>lo_pattern_match</c> over the same pairs, runs from bench/osc-patterns.sh, which prints the ratio
/// (goal: liblo ns / NetHub ns ≥ 2). "Op" is one match call; Allocated should read "-".
/// </summary>
[MemoryDiagnoser]
public class OscPatternBenchmarks
{
    /// <summary>Pairs per invocation; Setup checks them against the corpus, since attributes need constants.</summary>
    private const int CorpusCalls = 1000;
    private const int PathCalls = 400;

    private OscAddressPattern[] _patterns = [];
    private OscAddressPattern[] _pathPatterns = [];
    private string[] _addresses = [];
    private byte[][] _utf8Addresses = [];

    [GlobalSetup]
    public void Setup()
    {
        _patterns = [.. OscPatternCorpus.Patterns.Select(OscAddressPattern.Parse)];
        _pathPatterns = [.. OscPatternCorpus.PathPatterns.Select(OscAddressPattern.Parse)];
        _addresses = OscPatternCorpus.Addresses;
        _utf8Addresses = [.. _addresses.Select(Encoding.ASCII.GetBytes)];

        if (_patterns.Length * _addresses.Length != CorpusCalls || _pathPatterns.Length * _addresses.Length != PathCalls)
        {
            throw new InvalidOperationException("the corpus changed size: update CorpusCalls and PathCalls");
        }

        // The ratio means something only if both sides agree on the answers.
        int matches = MatchCorpus();
        if (matches != OscPatternCorpus.ExpectedMatches || MatchCorpusUtf8() != matches)
        {
            throw new InvalidOperationException($"corpus matched {matches} pairs, liblo matches {OscPatternCorpus.ExpectedMatches}");
        }
    }

    /// <summary>Addresses as .NET strings (a router that decoded the address already).</summary>
    [Benchmark(OperationsPerInvoke = CorpusCalls)]
    public int MatchCorpus()
    {
        int hits = 0;
        foreach (OscAddressPattern pattern in _patterns)
        {
            foreach (string address in _addresses)
            {
                hits += pattern.IsMatch(address) ? 1 : 0;
            }
        }

        return hits;
    }

    /// <summary>Addresses as the UTF-8 bytes of the packet, like liblo's char* (includes the ASCII check and widening).</summary>
    [Benchmark(OperationsPerInvoke = CorpusCalls)]
    public int MatchCorpusUtf8()
    {
        int hits = 0;
        foreach (OscAddressPattern pattern in _patterns)
        {
            foreach (byte[] address in _utf8Addresses)
            {
                hits += pattern.IsMatch(address) ? 1 : 0;
            }
        }

        return hits;
    }

    /// <summary>OSC 1.1 '//' patterns over the same addresses; liblo has no '//', so no anchor.</summary>
    [Benchmark(OperationsPerInvoke = PathCalls)]
    public int MatchPathWildcards()
    {
        int hits = 0;
        foreach (OscAddressPattern pattern in _pathPatterns)
        {
            foreach (string address in _addresses)
            {
                hits += pattern.IsMatch(address) ? 1 : 0;
            }
        }

        return hits;
    }
}
