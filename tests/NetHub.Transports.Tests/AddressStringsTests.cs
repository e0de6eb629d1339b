using System.Text;
using NetHub.Osc;

namespace NetHub.Transports.Tests;

public sealed class AddressStringsTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Of_ARecurringAddress_IsTheSameString()
    {
        var addresses = new AddressStrings();

        string first = addresses.Of(Utf8("/1/fader3"));

        Assert.Equal("/1/fader3", first);
        Assert.Same(first, addresses.Of(Utf8("/1/fader3")));
        Assert.NotSame(first, addresses.Of(Utf8("/1/fader4")));
    }

    [Fact]
    public void Of_AKnownAddress_AllocatesNothing()
    {
        var addresses = new AddressStrings();
        byte[] fader = Utf8("/1/fader3");
        addresses.Of(fader);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            addresses.Of(fader);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Of_AddressesThatShareASlot_AlwaysGivesTheRightOne()
    {
        // Two addresses whose hashes land in the same slot replace each other; each must still read back as itself.
        var addresses = new AddressStrings();
        string[] candidates = [.. Enumerable.Range(0, 2000).Select(i => $"/mixer/ch/{i}/gain")];
        IGrouping<ulong, string> shared = candidates
            .GroupBy(a => FastHash.Bytes(Utf8(a)) & (AddressStrings.Slots - 1))
            .First(g => g.Count() >= 2);
        string a = shared.ElementAt(0);
        string b = shared.ElementAt(1);

        for (int round = 0; round < 3; round++)
        {
            Assert.Equal(a, addresses.Of(Utf8(a)));
            Assert.Equal(b, addresses.Of(Utf8(b)));
        }
    }

    [Fact]
    public void Of_NonAsciiAndLongAddresses_AreDecodedExactly()
    {
        var addresses = new AddressStrings();
        string accented = "/scène/lumière/intensité";
        string longest = "/" + new string('x', AddressStrings.MaxCachedLength);

        Assert.Equal(accented, addresses.Of(Utf8(accented)));
        Assert.Same(addresses.Of(Utf8(accented)), addresses.Of(Utf8(accented)));
        Assert.Equal(longest, addresses.Of(Utf8(longest)));
        Assert.NotSame(addresses.Of(Utf8(longest)), addresses.Of(Utf8(longest)));
    }

    [Fact]
    public void Of_FromSeveralThreads_AlwaysGivesTheRightAddress()
    {
        var addresses = new AddressStrings();
        byte[][] encoded = [.. Enumerable.Range(0, 600).Select(i => Utf8($"/surface/{i % 7}/control/{i}"))];

        Parallel.For(0, 4, thread =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                byte[] bytes = encoded[(i * (thread + 3)) % encoded.Length];
                Assert.Equal(Encoding.UTF8.GetString(bytes), addresses.Of(bytes));
            }
        });
    }
}
