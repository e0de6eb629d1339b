namespace NetHub.Osc.Tests;

public sealed class OscBundleTests
{
    private static readonly OscTimeTag Time = new(7, 8);

    [Fact]
    public void Equals_SameTimeTagAndElements_AreEqual()
    {
        var a = new OscBundle(Time, new OscMessage("/a", 1), new OscBundle(Time));
        var b = new OscBundle(Time, new List<OscPacket> { new OscMessage("/a", 1), new OscBundle(Time) });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new OscBundle(OscTimeTag.Immediately, new OscMessage("/a", 1), new OscBundle(Time)));
        Assert.NotEqual(a, new OscBundle(Time, new OscMessage("/a", 1)));
        Assert.NotEqual<OscPacket>(a, new OscMessage("/a", 1));
    }

    [Fact]
    public void Constructor_CopiesElementsAndRejectsNull()
    {
        OscPacket[] elements = [new OscMessage("/a")];
        var bundle = new OscBundle(Time, elements);

        elements[0] = new OscMessage("/b");

        Assert.Equal("/a", Assert.IsType<OscMessage>(Assert.Single(bundle.Elements)).Address);
        Assert.Throws<ArgumentException>(() => new OscBundle(Time, new OscMessage("/a"), null!));
    }

    [Fact]
    public void ToString_ShowsTimeTagAndElements()
    {
        var bundle = new OscBundle(Time, new OscMessage("/a", 1), new OscBundle(Time));

        Assert.Equal("#bundle 00000007.00000008 { /a i 1; #bundle 00000007.00000008 { } }", bundle.ToString());
    }
}
