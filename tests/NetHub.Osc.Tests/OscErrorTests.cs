namespace NetHub.Osc.Tests;

public sealed class OscErrorTests
{
    [Fact]
    public void Describe_UnknownTag_QuotesTheTag()
    {
        Assert.Equal("unknown type tag 'x' at byte 12", new OscError(OscErrorReason.UnknownTypeTag, 12, 'x').Describe());
        Assert.Equal("unknown type tag 0x01 at byte 12", new OscError(OscErrorReason.UnknownTypeTag, 12, 1).Describe());
    }

    [Fact]
    public void Describe_EveryReasonWithAPosition_IsOneLineWithTheOffset()
    {
        foreach (OscErrorReason reason in Enum.GetValues<OscErrorReason>())
        {
            string text = new OscError(reason, 1234, 56) { Bound = 78 }.Describe();

            Assert.DoesNotContain('\n', text);
            // An empty or oversized packet is wrong as a whole, at no particular byte.
            bool positioned = reason is not (OscErrorReason.Empty or OscErrorReason.PacketTooLarge);
            Assert.True(!positioned || text.Contains("1234", StringComparison.Ordinal), $"{reason}: {text}");
        }
    }

    [Fact]
    public void Describe_Truncation_SaysWhatRemains()
    {
        Assert.Equal(
            "argument at byte 12 needs 8 bytes but only 4 remain",
            new OscError(OscErrorReason.TruncatedArgument, 12, 8) { Bound = 4 }.Describe());
    }

    [Fact]
    public void DecodeException_CarriesTheError()
    {
        var error = new OscError(OscErrorReason.BadPadding, 6, 1);

        var exception = new OscDecodeException(error);

        Assert.Equal((error, OscErrorReason.BadPadding, 6), (exception.Error, exception.Reason, exception.Offset));
        Assert.Equal("padding byte at byte 6 is 0x01, not 0x00", exception.Message);
    }
}
