using FsCheck;
using FsCheck.Fluent;

namespace NetHub.Osc.Tests;

/// <summary>Readers during writes, and the table against a plain scan of its registrations.</summary>
public sealed partial class OscDispatchTableTests
{
    [Fact]
    public async Task Match_WhileAnotherThreadAddsAndRemoves_SeesConsistentSnapshots()
    {
        const int Writes = 2_000;
        var table = new OscDispatchTable<int>();
        table.Add("/stable/x", 0);
        table.Add("/stable/*", 1);
        using var writerDone = new CancellationTokenSource();

        Task writer = Task.Run(() =>
        {
            try
            {
                for (int i = 2; i < Writes; i++)
                {
                    string pattern = (i % 3) switch { 0 => $"/churn/{i}", 1 => "/stable/?", _ => "//x" };
                    table.Add(pattern, i);
                    if (i % 2 == 0)
                    {
                        Assert.True(table.Remove(pattern, i));
                    }
                }
            }
            finally
            {
                writerDone.Cancel();
            }
        });
        Task<int>[] readers = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() => Read(table, writerDone.Token)))];

        await writer;
        int[] reads = await Task.WhenAll(readers);

        Assert.All(reads, n => Assert.True(n > 0));
        var final = new List<int>();
        table.Match("/stable/x", final);
        Assert.Equal(0, final[0]);
        Assert.Equal(1, final[1]);
        Assert.Equal(final.Order(), final);
        Assert.Equal(2 + ((Writes - 2) / 2), table.Count);
    }

    [Fact]
    public void Match_RandomTables_AgreesWithScanningEveryRegistration()
    {
        Gen<string[]> patterns = Gen.Choose(1, 25).SelectMany(n => OscAddressPatternTests.PatternGen().ArrayOf(n));
        Gen<(string[] Patterns, string Address, string Incoming)> cases = patterns.SelectMany(
            p => OscAddressPatternTests.AddressGen().Zip(OscAddressPatternTests.PatternGen(), (a, i) => (p, a, i)));

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var table = new OscDispatchTable<int>();
            OscAddressPattern[] parsed = [.. c.Patterns.Select(OscAddressPattern.Parse)];
            for (int i = 0; i < parsed.Length; i++)
            {
                table.Add(c.Patterns[i], i);
            }

            // The address is also registered now and then, so registered addresses meet patterns added before and after.
            bool[] present = [.. parsed.Select(_ => true), true];
            parsed = [.. parsed, OscAddressPattern.Parse(c.Address)];
            table.Add(c.Address, parsed.Length - 1);
            for (int i = 0; i < c.Patterns.Length; i++)
            {
                table.Add(c.Patterns[i], parsed.Length + i);
            }

            OscAddressPattern incoming = OscAddressPattern.Parse(c.Incoming);
            bool agrees = Agrees(table, parsed, present, c.Address, incoming);

            // Removing every third registration must leave the derived lists as if it had never been added.
            for (int i = 0; i < parsed.Length; i += 3)
            {
                present[i] = !table.Remove(parsed[i].Pattern, i);
            }

            return agrees && Agrees(table, parsed, present, c.Address, incoming);
        }));
    }

    /// <summary>
    /// The table against a scan: registrations 0..n-1 are <paramref name="parsed"/> (where <paramref name="present"/>),
    /// then the same patterns again as n + i.
    /// </summary>
    private static bool Agrees(OscDispatchTable<int> table, OscAddressPattern[] parsed, bool[] present, string address, OscAddressPattern incoming)
    {
        int repeats = parsed.Length - 1;
        var all = new List<(int Value, OscAddressPattern Pattern)>();
        for (int i = 0; i < parsed.Length; i++)
        {
            if (present[i])
            {
                all.Add((i, parsed[i]));
            }
        }

        for (int i = 0; i < repeats; i++)
        {
            all.Add((parsed.Length + i, parsed[i]));
        }

        var routed = new List<int>();
        var served = new List<int>();
        table.Match(address, routed);
        table.MatchIncoming(incoming, served);
        int[] expectedRouted = [.. all.Where(e => e.Pattern.IsMatch(address)).Select(e => e.Value)];
        int[] expectedServed = [.. all.Where(e => e.Pattern.IsLiteral ? incoming.IsMatch(e.Pattern.Pattern) : e.Pattern.Pattern == incoming.Pattern).Select(e => e.Value)];
        return routed.SequenceEqual(expectedRouted) && served.SequenceEqual(expectedServed) && table.Count == all.Count;
    }

    /// <summary>Matches until the writer finishes; every result must hold the two stable values first, in order.</summary>
    private static int Read(OscDispatchTable<int> table, CancellationToken writerDone)
    {
        var results = new List<int>(64);
        int reads = 0;
        while (reads < 1_000_000 && (!writerDone.IsCancellationRequested || reads == 0))
        {
            results.Clear();
            table.Match("/stable/x", results);
            Assert.True(results.Count >= 2 && results[0] == 0 && results[1] == 1, string.Join(",", results));
            for (int i = 2; i < results.Count; i++)
            {
                Assert.True(results[i] > results[i - 1] && results[i] % 3 != 0, string.Join(",", results));
            }

            reads++;
        }

        return reads;
    }
}
