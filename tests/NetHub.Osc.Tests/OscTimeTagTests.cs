namespace NetHub.Osc.Tests;

public sealed class OscTimeTagTests
{
    // 0xe8754700 s after 1900 is 2023-08-02 21:20:00 UTC; 0x80000000 is half a second.
    private static readonly DateTimeOffset SomeInstant = new(2023, 8, 2, 21, 20, 0, 500, TimeSpan.Zero);

    [Fact]
    public void Immediately_IsValueOne()
    {
        Assert.Equal(1UL, OscTimeTag.Immediately.Value);
        Assert.True(OscTimeTag.Immediately.IsImmediately);
        Assert.False(new OscTimeTag(2).IsImmediately);
        Assert.Equal("00000000.00000001", OscTimeTag.Immediately.ToString());
    }

    [Fact]
    public void Constructor_SecondsAndFraction_FillHighAndLowHalves()
    {
        var tag = new OscTimeTag(0xe8754700, 0x80000000);

        Assert.Equal(0xe875470080000000UL, tag.Value);
        Assert.Equal(0xe8754700U, tag.Seconds);
        Assert.Equal(0x80000000U, tag.Fraction);
        Assert.Equal(tag, new OscTimeTag(0xe875470080000000UL));
    }

    [Fact]
    public void ToString_IsOscdumpHex()
    {
        Assert.Equal("e8754700.80000000", new OscTimeTag(0xe8754700, 0x80000000).ToString());
        Assert.Equal("0000000a.0000000b", new OscTimeTag(10, 11).ToString());
    }

    [Fact]
    public void FromDateTimeOffset_KnownInstant_GivesNtpSecondsAndFraction()
    {
        Assert.Equal(new OscTimeTag(0xe8754700, 0x80000000), OscTimeTag.FromDateTimeOffset(SomeInstant));
        Assert.Equal(new OscTimeTag(0xe8754700, 0x80000000), OscTimeTag.FromDateTimeOffset(SomeInstant.ToOffset(TimeSpan.FromHours(2))));
    }

    [Fact]
    public void FromDateTimeOffset_UnixEpoch_Is2208988800Seconds()
    {
        Assert.Equal(new OscTimeTag(2_208_988_800, 0), OscTimeTag.FromDateTimeOffset(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void ToDateTimeOffset_KnownTag_GivesInstant()
    {
        Assert.Equal(SomeInstant, new OscTimeTag(0xe8754700, 0x80000000).ToDateTimeOffset());
    }

    [Fact]
    public void FromDateTimeOffset_EveryTickOfASecond_RoundTripsExactly()
    {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            DateTimeOffset instant = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(random.NextInt64(0, (1L << 32) * TimeSpan.TicksPerSecond));

            Assert.Equal(instant, OscTimeTag.FromDateTimeOffset(instant).ToDateTimeOffset());
        }
    }

    [Fact]
    public void FromDateTimeOffset_OutsideEraZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OscTimeTag.FromDateTimeOffset(new DateTimeOffset(1899, 12, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.Throws<ArgumentOutOfRangeException>(() => OscTimeTag.FromDateTimeOffset(new DateTimeOffset(2036, 2, 7, 6, 28, 16, TimeSpan.Zero)));
        Assert.Equal(uint.MaxValue, OscTimeTag.FromDateTimeOffset(new DateTimeOffset(2036, 2, 7, 6, 28, 15, TimeSpan.Zero)).Seconds);
    }

    [Fact]
    public void Operators_CompareByValue()
    {
        var early = new OscTimeTag(1, 0);
        var late = new OscTimeTag(1, 1);

        Assert.True(early < late && late > early && early <= late && late >= early && early != late);
        Assert.True(early == new OscTimeTag(1, 0) && early <= new OscTimeTag(1, 0) && early >= new OscTimeTag(1, 0));
        Assert.Equal(-1, early.CompareTo(late));
        Assert.Equal(early.GetHashCode(), new OscTimeTag(1, 0).GetHashCode());
    }
}
