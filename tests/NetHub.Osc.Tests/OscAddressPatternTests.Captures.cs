namespace NetHub.Osc.Tests;

/// <summary>TryMatch: the address text each wildcard part and each '//' covered.</summary>
public sealed partial class OscAddressPatternTests
{
    [Theory]
    [InlineData("/mixer/ch/*/fader", "/mixer/ch/12/fader", "12")]
    [InlineData("/{a,b}/x/[0-9]", "/a/x/5", "a|5")]
    [InlineData("/c?e/go/*", "/cue/go/", "cue|")]
    [InlineData("/a//c", "/a/b/x/c", "b/x")]
    [InlineData("/a//c", "/a/b/c", "b")]
    [InlineData("/a//c", "/a/c", "")]
    [InlineData("//spherical", "/position/spherical", "position")]
    [InlineData("//spherical", "/spherical", "")]
    [InlineData("//*/fader", "/mixer/ch/3/fader", "mixer/ch|3")]
    [InlineData("//a//b", "/x/a/y/z/b", "x|y/z")]
    [InlineData("//a//b", "/a/a/b", "|a")]
    [InlineData("/show//cue/[0-9]*", "/show/main/cue/12", "main|12")]
    public void TryMatch_Match_CapturesWildcardPartsInPatternOrder(string pattern, string address, string expected)
    {
        OscAddressPattern parsed = OscAddressPattern.Parse(pattern);
        Span<Range> captures = stackalloc Range[8];

        Assert.True(parsed.TryMatch(address, captures, out int count));

        Assert.Equal(parsed.CaptureCount, count);
        var texts = new List<string>();
        foreach (Range range in captures[..count])
        {
            texts.Add(address[range]);
        }

        Assert.Equal(expected, string.Join('|', texts));
    }

    [Fact]
    public void TryMatch_PathWildcardCrossingNothing_IsEmptyRangeAtTheNextPart()
    {
        OscAddressPattern parsed = OscAddressPattern.Parse("/a//c");
        Span<Range> captures = stackalloc Range[1];

        Assert.True(parsed.TryMatch("/a/c", captures, out int count));

        Assert.Equal(1, count);
        Assert.Equal(new Range(3, 3), captures[0]);
    }

    [Theory]
    [InlineData("/{a,b}/x/[0-9]", "/a/x/5")]
    [InlineData("//*/fader", "/mixer/ch/3/fader")]
    public void TryMatch_CapturesTooShort_CapturesWhatFitsAndStillMatches(string pattern, string address)
    {
        OscAddressPattern parsed = OscAddressPattern.Parse(pattern);
        Span<Range> captures = stackalloc Range[1];

        Assert.True(parsed.TryMatch(address, captures, out int count));
        Assert.Equal(1, count);
        Assert.True(parsed.TryMatch(address, [], out int none));
        Assert.Equal(0, none);
    }

    [Theory]
    [InlineData("/mixer/ch/*/fader", "/mixer/ch/12/mute")]
    [InlineData("/a//c", "/a/b/d")]
    public void TryMatch_NoMatch_IsFalseWithNoCaptures(string pattern, string address)
    {
        OscAddressPattern parsed = OscAddressPattern.Parse(pattern);
        Span<Range> captures = stackalloc Range[4];

        Assert.False(parsed.TryMatch(address, captures, out int count));
        Assert.Equal(0, count);
    }

    [Fact]
    public void TryMatch_LiteralPattern_MatchesWithoutCaptures()
    {
        OscAddressPattern parsed = OscAddressPattern.Parse("/cue/go");

        Assert.True(parsed.TryMatch("/cue/go", stackalloc Range[2], out int count));
        Assert.Equal(0, count);
        Assert.False(parsed.TryMatch("/cue/stop", stackalloc Range[2], out _));
    }
}
