using System.Buffers;
using static NetHub.Osc.Tests.OscBytes;

namespace NetHub.Osc.Tests;

/// <summary>OSC 1.1 SLIP framing with double END (NIME 2009 §4, RFC 1055).</summary>
public sealed class OscStreamFramingSlipTests : OscStreamFramingTests
{
    protected override OscFraming Framing => OscFraming.Slip;

    [Fact]
    public void WriteFrame_EndAndEscapeBytes_AreEscapedBetweenTwoEnds()
    {
        var output = new ArrayBufferWriter<byte>();

        OscStreamFraming.WriteFrame(OscFraming.Slip, Hex("2f c0 db 00"), output);

        Assert.Equal("c02fdbdcdbdd00c0", ToHex(output.WrittenSpan));
    }

    [Fact]
    public void TryReadFrame_LeadingAndRepeatedEnds_AreIgnored()
    {
        byte[] stream = [0xC0, 0xC0, 0xC0, .. Frame([Packets[0]]), 0xC0, 0xC0, .. Frame([Packets[1]]), 0xC0];

        FramingRun run = FramingRun.ReadAll(OscFraming.Slip, new ReadOnlySequence<byte>(stream));

        Assert.Equal([Packets[0], Packets[1]], run.Packets);
        Assert.Equal(OperationStatus.NeedMoreData, run.Status);
    }

    [Fact]
    public void TryReadFrame_FrameWithoutLeadingEnd_IsRead()
    {
        byte[] stream = [.. Packets[0], 0xC0];

        FramingRun run = FramingRun.ReadAll(OscFraming.Slip, new ReadOnlySequence<byte>(stream));

        Assert.Equal([Packets[0]], run.Packets);
    }

    [Fact]
    public void TryReadFrame_OversizedFrame_IsDroppedAndTheNextFrameRead()
    {
        byte[] big = OscCodec.Encode(new OscMessage("/big", OscArgument.Blob(new byte[40])));
        byte[] stream = Frame([big, Packets[0]]);

        FramingRun run = FramingRun.ReadAll(OscFraming.Slip, new ReadOnlySequence<byte>(stream), maxPacketSize: 32);

        OscError error = Assert.Single(run.Skipped);
        Assert.Equal((OscErrorReason.FrameTooLarge, 1, (long)big.Length, 32L), (error.Reason, error.Offset, error.Value, error.Bound));
        Assert.Equal([Packets[0]], run.Packets);
        Assert.Equal(stream.Length, run.Consumed);
    }

    [Fact]
    public void TryReadFrame_OversizedFrameWithoutEnd_IsDiscardedAsItStreams()
    {
        byte[] stream = [0xC0, .. new byte[33]];
        var writer = new ArrayBufferWriter<byte>();
        var input = new ReadOnlySequence<byte>(stream);

        OperationStatus status = OscStreamFraming.TryReadFrame(OscFraming.Slip, input, 32, writer, out SequencePosition consumed, out OscError error);

        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal((OscErrorReason.FrameTooLarge, 1), (error.Reason, error.Offset));
        Assert.Equal(input.End, consumed);
        Assert.Equal(0, writer.WrittenCount);
    }

    [Fact]
    public void TryReadFrame_FrameAtTheLimitWithoutEnd_WaitsForMore()
    {
        byte[] stream = [0xC0, .. new byte[32]];
        var input = new ReadOnlySequence<byte>(stream);

        OperationStatus status = OscStreamFraming.TryReadFrame(OscFraming.Slip, input, 32, new ArrayBufferWriter<byte>(), out SequencePosition consumed, out _);

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(input.Start, consumed);
    }

    [Theory]
    [InlineData(0x41)]
    [InlineData(0xDB)]
    [InlineData(0xC0)]
    public void TryReadFrame_BadEscape_IsInvalidAndReadingResumesAfterTheFrame(byte afterEscape)
    {
        // END '/' ESC x ... END, then a good frame. ESC END ends the frame at that END.
        byte[] bad = afterEscape == 0xC0 ? [0xC0, 0x2F, 0xDB, 0xC0] : [0xC0, 0x2F, 0xDB, afterEscape, 0x00, 0xC0];
        byte[] stream = [.. bad, .. Frame([Packets[0]])];

        FramingRun run = FramingRun.ReadAll(OscFraming.Slip, new ReadOnlySequence<byte>(stream));

        OscError error = Assert.Single(run.Skipped);
        Assert.Equal((OscErrorReason.BadSlipEscape, 2, (long)afterEscape), (error.Reason, error.Offset, error.Value));
        Assert.Equal([Packets[0]], run.Packets);
    }

    [Fact]
    public void TryReadFrame_EscapeSplitAcrossSegments_IsUnescaped()
    {
        byte[] stream = Frame([Hex("2f c0 db 00")]);

        for (int cut = 1; cut < stream.Length; cut++)
        {
            FramingRun run = FramingRun.ReadAll(OscFraming.Slip, Split(stream, cut));

            Assert.Equal("2fc0db00", ToHex(Assert.Single(run.Packets)));
        }
    }
}
