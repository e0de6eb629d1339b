using System.Text;

namespace NetHub.Osc.Tests;

/// <summary>Each matching rule of OSC 1.0 and the OSC 1.1 '//' wildcard, with the examples from the specifications.</summary>
public sealed partial class OscAddressPatternTests
{
    [Theory]
    // Literal: same parts, ordinal.
    [InlineData("/a/b", "/a/b", true)]
    [InlineData("/a/b", "/a/bc", false)]
    [InlineData("/a/b", "/a/B", false)]
    [InlineData("/a/b", "/a", false)]
    [InlineData("/a/b", "/a/b/c", false)]
    [InlineData("/a!-b", "/a!-b", true)]
    // '?': exactly one character, never '/'.
    [InlineData("/a?c", "/abc", true)]
    [InlineData("/a?c", "/a-c", true)]
    [InlineData("/a?c", "/ac", false)]
    [InlineData("/a?c", "/abbc", false)]
    [InlineData("/a?c", "/a/c", false)]
    [InlineData("/??", "/ab", true)]
    [InlineData("/a?", "/a\u007f", true)]
    [InlineData("/a*", "/a\u007f", true)]
    // '*': zero or more characters within one part.
    [InlineData("/a*", "/a", true)]
    [InlineData("/a*", "/abc", true)]
    [InlineData("/a*", "/ba", false)]
    [InlineData("/a*", "/a/b", false)]
    [InlineData("/*", "/a/b", false)]
    [InlineData("/*/fader", "/ch1/fader", true)]
    [InlineData("/*/fader", "/fader", false)]
    [InlineData("/*/fader", "/a/b/fader", false)]
    [InlineData("/a*b*c", "/abc", true)]
    [InlineData("/a*b*c", "/aXbYc", true)]
    [InlineData("/a*b*c", "/abbbcbc", true)]
    [InlineData("/a*b*c", "/acb", false)]
    [InlineData("/*a*/b", "/xax/b", true)]
    [InlineData("/*a*/b", "/xx/ab", false)]
    [InlineData("/a**b", "/ab", true)]
    [InlineData("/mixer/ch/*/fader", "/mixer/ch/12/fader", true)]
    [InlineData("/mixer/ch/*/fader", "/mixer/ch/12/mute", false)]
    [InlineData("/mixer/ch/*/fader", "/mixer/ch/1/2/fader", false)]
    [InlineData("/*/*", "/a/b", true)]
    [InlineData("/*/*", "/a/b/c", false)]
    // '[...]': one character from a set; ranges in ASCII order; trailing '-' and non-leading '!' are literal.
    [InlineData("/ch[0-9]", "/ch5", true)]
    [InlineData("/ch[0-9]", "/chx", false)]
    [InlineData("/ch[0-9]", "/ch10", false)]
    [InlineData("/[abc]", "/b", true)]
    [InlineData("/[abc]", "/d", false)]
    [InlineData("/[a-cx]", "/x", true)]
    [InlineData("/[a-cx]", "/d", false)]
    [InlineData("/[a-]", "/a", true)]
    [InlineData("/[a-]", "/-", true)]
    [InlineData("/[a-]", "/b", false)]
    [InlineData("/[-a]", "/-", true)]
    [InlineData("/[a!]", "/!", true)]
    [InlineData("/[a!]", "/b", false)]
    [InlineData("/[A-Z]", "/a", false)]
    // '[!...]': one character not in the set, never '/'.
    [InlineData("/[!0-9]", "/x", true)]
    [InlineData("/[!0-9]", "/5", false)]
    [InlineData("/[!!]", "/a", true)]
    [InlineData("/[!!]", "/!", false)]
    [InlineData("/a[!b]c", "/a/c", false)]
    [InlineData("/layer[!0-9]*", "/layerA12", true)]
    [InlineData("/layer[!0-9]*", "/layer12", false)]
    // '{...}': one of the strings, of any width, possibly empty.
    [InlineData("/{foo,bar}", "/foo", true)]
    [InlineData("/{foo,bar}", "/bar", true)]
    [InlineData("/{foo,bar}", "/baz", false)]
    [InlineData("/{foo,bar}", "/foobar", false)]
    [InlineData("/x{,y}", "/x", true)]
    [InlineData("/x{,y}", "/xy", true)]
    [InlineData("/x{,y}", "/xz", false)]
    [InlineData("/{a,ab}c", "/ac", true)]
    [InlineData("/{a,ab}c", "/abc", true)]
    [InlineData("/{a,ab}c", "/abbc", false)]
    [InlineData("/*{a,ab}", "/zzab", true)]
    [InlineData("/{ab,a}*{c,d}", "/abxxd", true)]
    [InlineData("/{ab,a}*{c,d}", "/abxxe", false)]
    [InlineData("/mixer/{ch,bus}/*/mute", "/mixer/bus/3/mute", true)]
    [InlineData("/mixer/{ch,bus}/*/mute", "/mixer/aux/3/mute", false)]
    [InlineData("/{a,b}/{c,d}", "/b/c", true)]
    [InlineData("/{a,b}/{c,d}", "/b/e", false)]
    [InlineData("/{a,b}/*", "/a/b/c", false)]
    // OSC 1.1 '//': zero or more whole parts (osc.md 2.5 examples first).
    [InlineData("//spherical", "/position/spherical", true)]
    [InlineData("//spherical", "/spherical", true)]
    [InlineData("//spherical", "/a/b/c/spherical", true)]
    [InlineData("//spherical", "/position/sphericalx", false)]
    [InlineData("//spherical", "/spherical/x", false)]
    [InlineData("/a//c", "/a/c", true)]
    [InlineData("/a//c", "/a/b/c", true)]
    [InlineData("/a//c", "/a/b/x/c", true)]
    [InlineData("/a//c", "/a/b/x/d", false)]
    [InlineData("/a//c", "/b/c", false)]
    [InlineData("/a//c", "/ab/c", false)]
    [InlineData("/a//c", "/a", false)]
    [InlineData("//a//b", "/x/a/y/b", true)]
    [InlineData("//a//b", "/a/b", true)]
    [InlineData("//a//b", "/b/a", false)]
    [InlineData("/mixer//*/fader", "/mixer/ch/1/fader", true)]
    [InlineData("/mixer//*/fader", "/mixer/x/fader", true)]
    [InlineData("/mixer//*/fader", "/mixer/fader", false)]
    [InlineData("//*", "/a", true)]
    [InlineData("//*", "/a/b/c", true)]
    [InlineData("//{go,stop}", "/cue/3/go", true)]
    [InlineData("//cue/[0-9]", "/show/cue/7", true)]
    [InlineData("//cue/[0-9]", "/show/cue/77", false)]
    [InlineData("/light//{pan,tilt}", "/light", false)]
    [InlineData("/light//{pan,tilt}", "/light/pan", true)]
    [InlineData("/light//{pan,tilt}", "/lightpan", false)]
    [InlineData("/a*//b", "/a/b", true)]
    [InlineData("/a*//b", "/b/b", false)]
    [InlineData("/a*//b", "/ax/y/b", true)]
    [InlineData("/a//b//c", "/a/b/c", true)]
    [InlineData("/a//b//c", "/a/bc", false)]
    // Wildcards match ASCII only, so a non-ASCII address never matches one.
    [InlineData("/*", "/é", false)]
    [InlineData("/?", "/é", false)]
    [InlineData("/[!a]", "/é", false)]
    [InlineData("/{a,b}x", "/aé", false)]
    [InlineData("//*", "/é", false)]
    public void IsMatch_Address_FollowsTheOscRules(string pattern, string address, bool expected)
    {
        OscAddressPattern parsed = OscAddressPattern.Parse(pattern);

        Assert.Equal(expected, parsed.IsMatch(address));
        Assert.Equal(expected, parsed.IsMatch(Encoding.UTF8.GetBytes(address)));
        Assert.Equal(expected, parsed.TryMatch(address, stackalloc Range[4], out _));
    }

    [Theory]
    [InlineData("/a/*")]
    [InlineData("//a")]
    [InlineData("/a")]
    public void IsMatch_EmptyOrRelativeAddress_IsFalse(string pattern)
    {
        OscAddressPattern parsed = OscAddressPattern.Parse(pattern);

        Assert.False(parsed.IsMatch(string.Empty));
        Assert.False(parsed.IsMatch("a"));
        Assert.False(parsed.IsMatch(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void IsMatch_Utf8WithHighByte_IsFalseEvenForLiteralPrefix()
    {
        OscAddressPattern literal = OscAddressPattern.Parse("/cue");
        OscAddressPattern wildcard = OscAddressPattern.Parse("/cue*");

        Assert.False(literal.IsMatch("/cue\u00e9"u8));
        Assert.False(wildcard.IsMatch("/cue\u00e9"u8));
        Assert.True(wildcard.IsMatch("/cue"u8));
    }

    [Theory]
    [InlineData("/*")]
    [InlineData("/a*{b,c}")]
    [InlineData("/a*b")]
    [InlineData("//a*b")]
    public void IsMatch_LongAddressBeyondTheStackBuffers_StillMatches(string pattern)
    {
        OscAddressPattern parsed = OscAddressPattern.Parse(pattern);
        string address = "/a" + new string('x', 5000) + "b";

        Assert.True(parsed.IsMatch(address));
        Assert.True(parsed.IsMatch(Encoding.ASCII.GetBytes(address)));
        Assert.False(parsed.IsMatch(address + "/"));
        Assert.False(parsed.IsMatch(Encoding.ASCII.GetBytes(address + "/")));
    }
}
