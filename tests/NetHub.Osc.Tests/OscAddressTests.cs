namespace NetHub.Osc.Tests;

public sealed class OscAddressTests
{
    [Theory]
    [InlineData("/a")]
    [InlineData("/cue/go")]
    [InlineData("/mixer/ch/12/fader")]
    [InlineData("/a-b_c.d!e~f@g$h%i^j&k(l)m+n=o;p:q'r\"s<t>u|v\\w`x")]
    public void IsValidAddress_WellFormedAddress_IsTrue(string address)
    {
        Assert.True(OscAddress.IsValidAddress(address));
        Assert.Null(OscAddress.Explain(address));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("cue/go")]
    [InlineData("/cue/")]
    [InlineData("/cue//go")]
    [InlineData("//cue")]
    public void IsValidAddress_BadShape_IsFalse(string address)
    {
        Assert.False(OscAddress.IsValidAddress(address));
        Assert.NotNull(OscAddress.Explain(address));
    }

    [Theory]
    [InlineData(' ')]
    [InlineData('#')]
    [InlineData('*')]
    [InlineData(',')]
    [InlineData('?')]
    [InlineData('[')]
    [InlineData(']')]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('\t')]
    [InlineData('\0')]
    [InlineData((char)0x7F)]
    [InlineData('é')]
    public void IsValidAddress_ForbiddenCharacter_IsFalseAndExplainedAtItsPosition(char forbidden)
    {
        string address = "/cue/go" + forbidden + "x";

        Assert.False(OscAddress.IsValidAddress(address));
        Assert.Contains("at position 7 is not allowed in an OSC address", OscAddress.Explain(address), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Space_NamesSpaceAndPosition()
    {
        Assert.Equal("space at position 7 is not allowed in an OSC address", OscAddress.Explain("/cue/go now"));
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("cue", "must start with '/', but position 0 holds 'c'")]
    [InlineData("/", "'/' alone is not an OSC address")]
    [InlineData("/cue/", "empty part at position 4")]
    [InlineData("/cue//go", "empty part at position 5")]
    [InlineData("/cue/*", "'*' at position 5 is not allowed in an OSC address (it is pattern syntax)")]
    [InlineData("/cue/\t", "control character U+0009 at position 5")]
    [InlineData("/cué", "non-ASCII character U+00E9 at position 3")]
    public void Explain_InvalidAddress_SaysWhatAndWhere(string address, string expected)
    {
        Assert.Contains(expected, OscAddress.Explain(address), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cue/go", true)]
    [InlineData("/mixer/ch/[0-9]*/{fader,mute}", true)]
    [InlineData("//spherical", true)]
    [InlineData("/a//c", true)]
    [InlineData("/a/", false)]
    [InlineData("/a[", false)]
    [InlineData("/a{b", false)]
    [InlineData("/a//", false)]
    [InlineData("a", false)]
    public void IsValidPattern_AgreesWithTryParse(string pattern, bool expected)
    {
        Assert.Equal(expected, OscAddress.IsValidPattern(pattern));
        Assert.Equal(expected, OscAddressPattern.TryParse(pattern, out _, out _));
    }

    [Fact]
    public void IsValidPattern_AfterWarmUp_AllocatesNothing()
    {
        const string Pattern = "/mixer/{ch,bus}/[0-9]*/fader";
        Assert.True(OscAddress.IsValidPattern(Pattern));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            OscAddress.IsValidPattern(Pattern);
            OscAddress.IsValidAddress("/mixer/ch/12/fader");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
