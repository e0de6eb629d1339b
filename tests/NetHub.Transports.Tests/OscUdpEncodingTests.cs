using System.Buffers;
using System.Text.Json;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Transports.Tests;

/// <summary>
/// What an OSC UDP endpoint puts on the wire for a hub message: the same bytes as the message's OSC packet, written
/// without building one for a plain message, so a fader stream costs no allocation per send.
/// </summary>
public sealed class OscUdpEncodingTests
{
    private static readonly MessageSource Source = new("node", "in", "10.0.0.5:9000");

    public static TheoryData<string, HubPayload, bool> Payloads => new()
    {
        { "/fader/1", new OscPayload([OscArgument.Float32(0.5f)]), false },
        { "/every/kind", new OscPayload([OscArgument.Int32(-3), OscArgument.String("é"), OscArgument.Blob(new byte[] { 1, 2, 3 }), OscArgument.True, OscArgument.Nil, OscArgument.Float64(double.NaN)]), false },
        { "/array", new OscPayload([OscArgument.Array([OscArgument.Int32(1), OscArgument.Array([OscArgument.String("x")])])]), false },
        { "/none", OscPayload.Empty, false },
        { "/text", new TextPayload("hello"), false },
        { "/bytes", new BytesPayload(new byte[] { 9, 8, 7, 6, 5 }), false },
        { "/json", new JsonPayload(JsonDocument.Parse("[1, 2.5, \"s\", true, null, [3]]").RootElement), false },
        { "/timed", new OscPayload([OscArgument.Int32(1)]), true },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Encode_WritesTheMessagesOscPacket(string address, HubPayload payload, bool timed)
    {
        var message = HubMessage.Create(DateTimeOffset.UnixEpoch, Source, address, payload, timed ? new OscTimeTag(0xE875_4700_8000_0000) : null);
        var output = new ArrayBufferWriter<byte>();

        OscUdpEndpoint.Encode(new SendMessage(message), output);

        Assert.Equal(OscCodec.Encode(OscUdpEndpoint.ToPacket(message)), output.WrittenSpan.ToArray());
        Assert.Equal(timed, OscCodec.Decode(output.WrittenSpan.ToArray()) is OscBundle);
    }

    [Fact]
    public void Encode_OfAFaderMessage_AllocatesNothing()
    {
        var message = HubMessage.Create(DateTimeOffset.UnixEpoch, Source, "/mixer/ch/3/gain", new OscPayload(new OscMessage("/1/fader3", OscArgument.Float32(0.25f)).Arguments));
        var output = new ArrayBufferWriter<byte>(256);
        for (int i = 0; i < 8; i++)
        {
            output.ResetWrittenCount();
            OscUdpEndpoint.Encode(new SendMessage(message), output);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            output.ResetWrittenCount();
            OscUdpEndpoint.Encode(new SendMessage(message), output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Encode_OfABadAddress_ThrowsArgumentException_AndWritesNothing()
    {
        var message = HubMessage.Create(DateTimeOffset.UnixEpoch, Source, "no slash", new OscPayload([OscArgument.Int32(1)]));
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentException>(() => OscUdpEndpoint.Encode(new SendMessage(message), output));
        Assert.Equal(0, output.WrittenCount);
    }
}
