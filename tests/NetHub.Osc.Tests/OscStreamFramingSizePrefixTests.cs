using System.Buffers;
using static NetHub.Osc.Tests.OscBytes;

namespace NetHub.Osc.Tests;

/// <summary>OSC 1.0 stream framing: a big-endian int32 size before each packet.</summary>
public sealed class OscStreamFramingSizePrefixTests : OscStreamFramingTests
{
    protected override OscFraming Framing => OscFraming.SizePrefix;

    [Fact]
    public void WriteFrame_Packet_IsPrefixedWithItsSize()
    {
        var output = new ArrayBufferWriter<byte>();

        OscStreamFraming.WriteFrame(OscFraming.SizePrefix, Hex("'/a' 00 00 | ',' 00 00 00"), output);

        Assert.Equal("00000008" + "2f610000" + "2c000000", ToHex(output.WrittenSpan));
    }

    [Theory]
    [InlineData("ff ff ff fc", OscErrorReason.BadFrameSize, -4)]
    [InlineData("80 00 00 00", OscErrorReason.BadFrameSize, int.MinValue)]
    [InlineData("00 00 00 06", OscErrorReason.BadFrameSize, 6)]
    [InlineData("00 00 00 64", OscErrorReason.FrameTooLarge, 100)]
    public void TryReadFrame_BadSize_IsInvalidAndConsumesNothing(string prefix, OscErrorReason reason, long size)
    {
        var input = new ReadOnlySequence<byte>([.. Hex(prefix), .. new byte[8]]);
        var writer = new ArrayBufferWriter<byte>();

        OperationStatus status = OscStreamFraming.TryReadFrame(OscFraming.SizePrefix, input, 64, writer, out SequencePosition consumed, out OscError error);

        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal((reason, 0, size), (error.Reason, error.Offset, error.Value));
        Assert.Equal(input.Start, consumed);
        Assert.Equal(0, writer.WrittenCount);
    }

    [Fact]
    public void TryReadFrame_BadSizeAfterGoodFrame_IsReportedAfterThatFrame()
    {
        byte[] stream = [.. Frame([Packets[0]]), 0xFF, 0xFF, 0xFF, 0xFF];

        FramingRun run = FramingRun.ReadAll(OscFraming.SizePrefix, new ReadOnlySequence<byte>(stream));

        Assert.Equal([Packets[0]], run.Packets);
        Assert.Equal(OperationStatus.InvalidData, run.Status);
        Assert.Equal(OscErrorReason.BadFrameSize, run.Error.Reason);
        Assert.Equal(stream.Length - 4, run.Consumed);
    }

    [Fact]
    public void TryReadFrame_ZeroSize_IsSkippedLikeAnEmptyFrame()
    {
        byte[] stream = [0, 0, 0, 0, .. Frame([Packets[0]])];

        FramingRun run = FramingRun.ReadAll(OscFraming.SizePrefix, new ReadOnlySequence<byte>(stream));

        Assert.Equal([Packets[0]], run.Packets);
        Assert.Equal(stream.Length, run.Consumed);
    }
}
