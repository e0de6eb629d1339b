namespace NetHub.Osc.Tests;

/// <summary>Parsing: what the grammar accepts, and where it says a malformed pattern goes wrong.</summary>
public sealed partial class OscAddressPatternTests
{
    [Theory]
    [InlineData("/cue/go", true, false, 0)]
    [InlineData("/a!-b", true, false, 0)]
    [InlineData("/mixer/ch/*/fader", false, false, 1)]
    [InlineData("/{a,b}/c/[0-9]?", false, false, 2)]
    [InlineData("//spherical", false, true, 1)]
    [InlineData("/a//c/*", false, true, 2)]
    public void Parse_ValidPattern_ReportsItsShape(string text, bool literal, bool pathWildcard, int captures)
    {
        OscAddressPattern pattern = OscAddressPattern.Parse(text);

        Assert.Equal(text, pattern.Pattern);
        Assert.Equal(text, pattern.ToString());
        Assert.Equal(literal, pattern.IsLiteral);
        Assert.Equal(pathWildcard, pattern.HasPathWildcard);
        Assert.Equal(captures, pattern.CaptureCount);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("a/b", "must start with '/', but position 0 holds 'a'")]
    [InlineData("/", "empty part at position 0")]
    [InlineData("/a/", "empty part at position 2")]
    [InlineData("/a///b", "'///' at position 2")]
    [InlineData("///", "'///' at position 0")]
    [InlineData("/a//", "'//' at position 2 ends the pattern")]
    [InlineData("/a b", "space at position 2 is not allowed")]
    [InlineData("/a#", "'#' at position 2 is not allowed")]
    [InlineData("/a,b", "',' at position 2 is not allowed")]
    [InlineData("/a\tb", "control character U+0009 at position 2")]
    [InlineData("/é", "non-ASCII character U+00E9 at position 1")]
    [InlineData("/a[bc", "'[' at position 2 is never closed")]
    [InlineData("/a[bc/d]", "'[' at position 2 is never closed")]
    [InlineData("/a[b-/c]", "'[' at position 2 is never closed")]
    [InlineData("/a[]", "'[' at position 2 opens an empty character set")]
    [InlineData("/a[!]", "'[' at position 2 opens an empty character set")]
    [InlineData("/[z-a]", "range 'z-a' at position 2 is reversed")]
    [InlineData("/[a*]", "'*' at position 3 is not allowed inside '[...]'")]
    [InlineData("/[a-*]", "'*' at position 4 is not allowed inside '[...]'")]
    [InlineData("/[[]", "'[' at position 2 is not allowed inside '[...]'")]
    [InlineData("/a]", "']' at position 2 closes no '['")]
    [InlineData("/{a,b", "'{' at position 1 is never closed")]
    [InlineData("/{a/b}", "'{' at position 1 is never closed")]
    [InlineData("/{a*}", "'*' at position 3 is not allowed inside '{...}'")]
    [InlineData("/{a{b}}", "'{' at position 3 is not allowed inside '{...}'")]
    [InlineData("/{a b}", "space at position 3 is not allowed inside '{...}'")]
    [InlineData("/a}", "'}' at position 2 closes no '{'")]
    public void Parse_MalformedPattern_ThrowsFormatExceptionWithPosition(string text, string expected)
    {
        FormatException error = Assert.Throws<FormatException>(() => OscAddressPattern.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(OscAddressPattern.TryParse(text, out OscAddressPattern? result, out string? message));
        Assert.Null(result);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AtMaxLength_Succeeds()
    {
        string text = "/" + new string('a', OscAddressPattern.MaxLength - 1);

        Assert.True(OscAddressPattern.Parse(text).IsMatch(text));
    }

    [Fact]
    public void Parse_BeyondMaxLength_ThrowsWithTheLimit()
    {
        string text = "/" + new string('a', OscAddressPattern.MaxLength);

        FormatException error = Assert.Throws<FormatException>(() => OscAddressPattern.Parse(text));

        Assert.Contains("longer than the limit of 1024", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 300, "a rejected long pattern is not echoed whole");
    }

    [Fact]
    public void Parse_MaxAlternatives_Succeeds()
    {
        string text = "/{" + string.Join(',', Enumerable.Range(0, OscAddressPattern.MaxAlternatives)) + "}";
        OscAddressPattern pattern = OscAddressPattern.Parse(text);

        Assert.True(pattern.IsMatch("/127"));
        Assert.False(pattern.IsMatch("/128"));
    }

    [Fact]
    public void Parse_TooManyAlternatives_ThrowsAtTheExtraComma()
    {
        string text = "/{" + string.Join(',', Enumerable.Repeat("a", OscAddressPattern.MaxAlternatives + 1)) + "}";
        int extraComma = 2 + (2 * OscAddressPattern.MaxAlternatives) - 1;

        FormatException error = Assert.Throws<FormatException>(() => OscAddressPattern.Parse(text));

        Assert.Contains($"',' at position {extraComma} starts alternative 129, more than the limit of 128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => OscAddressPattern.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => OscAddressPattern.TryParse(null!, out _, out _));
    }

    [Fact]
    public void TryParse_ValidPattern_ReturnsPatternAndNoError()
    {
        Assert.True(OscAddressPattern.TryParse("/a/*", out OscAddressPattern? pattern, out string? error));

        Assert.Equal("/a/*", pattern.Pattern);
        Assert.Null(error);
    }

    [Fact]
    public void Equals_SameText_IsEqualWithSameHash()
    {
        OscAddressPattern a = OscAddressPattern.Parse("/a/*");
        OscAddressPattern b = OscAddressPattern.Parse("/a/*");
        OscAddressPattern c = OscAddressPattern.Parse("/a/?");

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(c));
        Assert.False(a.Equals(null));
    }
}
