using NetHub.Osc;
using NetHub.TestKit;

namespace NetHub.Node.Tests;

public sealed class OscTypeSyntaxTests
{
    private static readonly ManualTimeProvider Clock = new(new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero));

    [Fact]
    public void EveryOscsendType_Parses()
    {
        IReadOnlyList<OscArgument> args = OscTypeSyntax.Parse("ihfdsScmTFNI", ["-7", "1099511627776", "0.5", "2.25", "hello", "sym", "x", "00903c7f"], Clock);
        Assert.Equal(
            [
                OscArgument.Int32(-7), OscArgument.Int64(1099511627776), OscArgument.Float32(0.5f), OscArgument.Float64(2.25),
                OscArgument.String("hello"), OscArgument.Symbol("sym"), OscArgument.Char('x'), OscArgument.Midi(new OscMidi(0, 0x90, 0x3c, 0x7f)),
                OscArgument.True, OscArgument.False, OscArgument.Nil, OscArgument.Impulse,
            ],
            args);
    }

    [Fact]
    public void BlobAndTime_AreNetHubAdditions()
    {
        IReadOnlyList<OscArgument> args = OscTypeSyntax.Parse("bt", ["00ff10", "e8754700.80000000"], Clock);
        Assert.Equal([OscArgument.Blob(new byte[] { 0, 0xff, 0x10 }), OscArgument.TimeTag(new OscTimeTag(0xe8754700, 0x80000000))], args);
    }

    [Fact]
    public void Time_NowPlusSeconds_IsRelativeToTheClock()
    {
        OscTimeTag tag = OscTypeSyntax.ParseTime("now+0.5", Clock);
        Assert.Equal(Clock.GetUtcNow().AddMilliseconds(500), tag.ToDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [InlineData("i", new string[0], "value #1 is missing (type 'i' needs one)")]
    [InlineData("i", new[] { "1", "2" }, "1 value(s) left over")]
    [InlineData("f", new[] { "loud" }, "value #1 ('loud') is not a valid float (type 'f')")]
    [InlineData("i", new[] { "99999999999" }, "is not a valid 32-bit integer")]
    [InlineData("m", new[] { "0090" }, "8 hex digits")]
    [InlineData("q", new[] { "1" }, "unknown type 'q'")]
    [InlineData("t", new[] { "soon" }, "use now, now+SECONDS")]
    public void BadInput_IsRefusedWithAReason(string types, string[] values, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => OscTypeSyntax.Parse(types, values, Clock));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:9000", false, "localhost", 9000)]
    [InlineData("osc.udp://10.0.0.5:9000", false, "10.0.0.5", 9000)]
    [InlineData("osc.tcp://desk:3032", true, "desk", 3032)]
    [InlineData("osc.udp://:9000", false, "", 9000)]
    [InlineData("9000", false, "", 9000)]
    [InlineData("[::1]:9000", false, "::1", 9000)]
    public void Urls_ParseLikeLiblos(string text, bool tcp, string host, int port)
    {
        OscUrl url = OscUrl.Parse(text, forceTcp: false);
        Assert.Equal(new OscUrl(tcp, host, port), url);
    }

    [Fact]
    public void Url_Malformed_IsRefused() => Assert.Throws<FormatException>(() => OscUrl.Parse("osc.udp://nowhere", forceTcp: false));
}
