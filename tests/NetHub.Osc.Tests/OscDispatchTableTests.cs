using System.Text;

namespace NetHub.Osc.Tests;

public sealed partial class OscDispatchTableTests
{
    [Fact]
    public void Match_LiteralAndPatterns_ReturnsEveryMatchInRegistrationOrder()
    {
        var table = new OscDispatchTable<string>();
        table.Add("//fader", "any fader");
        table.Add("/mixer/ch/*/fader", "channel faders");
        table.Add("/mixer/ch/12/fader", "channel 12");
        table.Add("/*/ch/*/fader", "any desk");
        table.Add("/mixer/ch/12/mute", "mute 12");
        table.Add("/mixer/{ch,bus}/1[0-9]/fader", "teens");
        table.Add("/mixer/ch/12/fader", "channel 12 again");
        var results = new List<string>();

        int count = table.Match("/mixer/ch/12/fader", results);

        Assert.Equal(["any fader", "channel faders", "channel 12", "any desk", "teens", "channel 12 again"], results);
        Assert.Equal(6, count);
    }

    [Fact]
    public void Match_Utf8Address_SameAsChars()
    {
        OscDispatchTable<int> table = Numbered("/a/b", "/a/*", "//b", "/x/y");
        var chars = new List<int>();
        var bytes = new List<int>();

        table.Match("/a/b", chars);
        table.Match("/a/b"u8, bytes);

        Assert.Equal([0, 1, 2], chars);
        Assert.Equal(chars, bytes);
    }

    [Fact]
    public void Match_Utf8WithHighByte_MatchesNothing()
    {
        OscDispatchTable<int> table = Numbered("/a/*", "//*");
        var results = new List<int>();

        Assert.Equal(0, table.Match(Encoding.UTF8.GetBytes("/a/é"), results));
        Assert.Empty(results);
    }

    [Theory]
    [InlineData("/mixer/ch/12/nothing")]
    [InlineData("/lights/ch/12/fader/x")]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("no-slash")]
    public void Match_Miss_AppendsNothing(string address)
    {
        OscDispatchTable<int> table = Numbered("/mixer/ch/12/fader", "/mixer/ch/*/fader", "/*/ch/?/fader", "/lights//x/y");
        var results = new List<int> { -1 };

        Assert.Equal(0, table.Match(address, results));
        Assert.Equal([-1], results);
    }

    [Fact]
    public void Match_PatternWithWildcardFirstCharacter_IsFoundForAnyFirstCharacter()
    {
        OscDispatchTable<int> table = Numbered("/[a-z]x", "/?x", "/{q,r}x", "/*x", "/qx");
        var results = new List<int>();

        table.Match("/qx", results);

        Assert.Equal([0, 1, 2, 3, 4], results);
    }

    [Fact]
    public void MatchIncoming_PatternAgainstRegisteredAddresses_ReturnsMatchingAddressesInOrder()
    {
        OscDispatchTable<int> table = Numbered(
            "/mixer/ch/2/fader", "/mixer/ch/1/fader", "/mixer/ch/*/fader", "/mixer/ch/1/mute", "/mixer/bus/1/fader", "/mixer/ch/1/fader");
        var results = new List<int>();

        int count = table.MatchIncoming(OscAddressPattern.Parse("/mixer/ch/*/fader"), results);

        Assert.Equal([0, 1, 2, 5], results);
        Assert.Equal(4, count);
    }

    [Fact]
    public void MatchIncoming_RegisteredPatternWithOtherText_IsNotMatched()
    {
        OscDispatchTable<int> table = Numbered("/a/*", "/a/?", "/a/b");
        var results = new List<int>();

        table.MatchIncoming(OscAddressPattern.Parse("/a/[a-z]"), results);

        Assert.Equal([2], results);
    }

    [Fact]
    public void MatchIncoming_LiteralAndPathWildcard_FindRegisteredAddresses()
    {
        OscDispatchTable<int> table = Numbered("/cue/go", "/show/cue/go", "/cue/stop", "//go");
        var literal = new List<int>();
        var path = new List<int>();

        table.MatchIncoming(OscAddressPattern.Parse("/cue/go"), literal);
        table.MatchIncoming(OscAddressPattern.Parse("//go"), path);

        Assert.Equal([0], literal);
        Assert.Equal([0, 1, 3], path);
    }

    [Fact]
    public void Remove_RegisteredPair_RemovesEarliestOnly()
    {
        var table = new OscDispatchTable<string>();
        table.Add("/a", "x");
        table.Add("/*", "x");
        table.Add("/a", "x");
        table.Add("/a", "y");
        var results = new List<string>();

        Assert.True(table.Remove("/a", "x"));

        Assert.Equal(3, table.Count);
        table.Match("/a", results);
        Assert.Equal(["x", "x", "y"], results);
    }

    [Theory]
    [InlineData("/a/*", 1)]
    [InlineData("//b", 2)]
    [InlineData("/a/b", 0)]
    public void Remove_EachKindOfRegistration_StopsMatching(string pattern, int value)
    {
        OscDispatchTable<int> table = Numbered("/a/b", "/a/*", "//b");
        var results = new List<int>();

        Assert.True(table.Remove(pattern, value));

        table.Match("/a/b", results);
        Assert.DoesNotContain(value, results);
        Assert.Equal(2, results.Count);
        Assert.False(table.Remove(pattern, value));
    }

    [Theory]
    [InlineData("/a/b", 7)]
    [InlineData("/a/[", 0)]
    [InlineData("/a/c", 0)]
    public void Remove_UnknownPair_IsFalse(string pattern, int value)
    {
        OscDispatchTable<int> table = Numbered("/a/b");

        Assert.False(table.Remove(pattern, value));
        Assert.Equal(1, table.Count);
    }

    [Theory]
    [InlineData("/a/")]
    [InlineData("/a[")]
    [InlineData("a")]
    public void Add_MalformedPattern_ThrowsFormatExceptionAndAddsNothing(string pattern)
    {
        var table = new OscDispatchTable<int>();

        Assert.Throws<FormatException>(() => table.Add(pattern, 1));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Match_AfterWarmUp_AllocatesNothing()
    {
        var table = new OscDispatchTable<int>();
        for (int i = 0; i < 1000; i++)
        {
            table.Add($"/mixer/ch/{i}/fader", i);
        }

        table.Add("/mixer/ch/*/fader", -1);
        table.Add("/mixer/{ch,bus}/1*/fader", -2);
        table.Add("//fader", -3);
        var results = new List<int>(16);
        byte[] utf8 = "/mixer/ch/12/fader"u8.ToArray();
        OscAddressPattern incoming = OscAddressPattern.Parse("/mixer/ch/12/fader");
        Run();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal([12, -1, -2, -3, 12, -1, -2, -3, 12], results);

        void Run()
        {
            results.Clear();
            table.Match("/mixer/ch/12/fader", results);
            table.Match(utf8, results);
            table.Match("/mixer/ch/12/nothing", results);
            table.MatchIncoming(incoming, results);
        }
    }

    private static OscDispatchTable<int> Numbered(params string[] patterns)
    {
        var table = new OscDispatchTable<int>();
        for (int i = 0; i < patterns.Length; i++)
        {
            table.Add(patterns[i], i);
        }

        return table;
    }
}
