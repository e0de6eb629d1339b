using NetHub.Osc;

namespace NetHub.Messages.Tests;

/// <summary>The TouchDesigner examples' validate_osc_data cases: NaN and infinity, nested lists, bool, null, bytes, anything else as text.</summary>
public sealed class PayloadConvertValuesTests
{
    [Fact]
    public void SeedValues_ConvertLikeTheExamples()
    {
        object?[] vals = [1, "apple", new[] { 1, 2, 3 }, "ghi"u8.ToArray(), (11, 12), true, null, double.PositiveInfinity];

        IReadOnlyList<OscArgument> args = PayloadConvert.FromValues(vals);

        Assert.Equal(
            [
                OscArgument.Int32(1), OscArgument.String("apple"),
                OscArgument.Array(OscArgument.Int32(1), OscArgument.Int32(2), OscArgument.Int32(3)),
                OscArgument.Blob("ghi"u8.ToArray()),
                OscArgument.Array(OscArgument.Int32(11), OscArgument.Int32(12)),
                OscArgument.True, OscArgument.Nil, OscArgument.Float32(float.PositiveInfinity),
            ],
            args);
    }

    [Fact]
    public void Nan_IsKeptByDefault()
    {
        OscArgument nan = PayloadConvert.FromValue(double.NaN);
        Assert.True(float.IsNaN(nan.AsFloat32()));
    }

    [Fact]
    public void Nan_BecomesZero_WithNanToZero_InfinityStays()
    {
        Assert.Equal(0f, PayloadConvert.FromValue(double.NaN, NonFiniteFloats.NanToZero).AsFloat32());
        Assert.Equal(float.NegativeInfinity, PayloadConvert.FromValue(float.NegativeInfinity, NonFiniteFloats.NanToZero).AsFloat32());
        Assert.Equal(0f, PayloadConvert.FromValue(new object[] { float.NaN }, NonFiniteFloats.NanToZero).AsArray()[0].AsFloat32());
    }

    [Fact]
    public void NonFinite_IsRefusedWithReject()
    {
        var ex = Assert.Throws<ArgumentException>(() => PayloadConvert.FromValue(double.NaN, NonFiniteFloats.Reject));
        Assert.Contains("not a finite number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFinitePolicy_AppliesToOscPayloads()
    {
        var payload = new OscPayload([OscArgument.Float32(float.NaN), OscArgument.Float64(double.NaN)]);
        Assert.Equal([OscArgument.Float32(0), OscArgument.Float64(0)], PayloadConvert.ToOscArguments(payload, NonFiniteFloats.NanToZero));
    }

    [Theory]
    [InlineData((short)5, 'i')]
    [InlineData((byte)5, 'i')]
    [InlineData(5L, 'h')]
    [InlineData(5u, 'i')]
    [InlineData(0.5f, 'f')]
    [InlineData(0.5d, 'f')]
    [InlineData('x', 'c')]
    public void Numbers_AndChars_PickTheExpectedTag(object value, char tag) =>
        Assert.Equal((OscType)tag, PayloadConvert.FromValue(value).Type);

    [Fact]
    public void UnknownTypes_BecomeTheirInvariantText()
    {
        Assert.Equal(OscArgument.String("1.5"), PayloadConvert.FromValue(new Version(1, 5)));
        Assert.Equal(OscArgument.String("12:30:00"), PayloadConvert.FromValue(new TimeSpan(12, 30, 0)));
    }

    [Fact]
    public void DateTimeOffset_BecomesATimeTag()
    {
        var time = new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal(OscArgument.TimeTag(OscTimeTag.FromDateTimeOffset(time)), PayloadConvert.FromValue(time));
    }

    [Fact]
    public void DeepNesting_IsRefused()
    {
        object nested = 1;
        for (int i = 0; i < 40; i++)
        {
            nested = new[] { nested };
        }

        Assert.Throws<ArgumentException>(() => PayloadConvert.FromValue(nested));
    }
}
