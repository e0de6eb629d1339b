using System.Text;
using System.Text.Json;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Transports.Tests;

public sealed class TextCodecTests
{
    [Fact]
    public void Decode_ValidUtf8_IsText()
    {
        Assert.True(TextCodec.TryDecode("héllo {\"a\":1}"u8, TextEncoding.Utf8, out HubPayload payload));
        Assert.Equal("héllo {\"a\":1}", Assert.IsType<TextPayload>(payload).Text);
    }

    [Fact]
    public void Decode_InvalidUtf8_IsBytes_AndReported()
    {
        byte[] bad = [0x41, 0xFF, 0xFE];

        Assert.False(TextCodec.TryDecode(bad, TextEncoding.Utf8, out HubPayload payload));
        Assert.Equal(bad, Assert.IsType<BytesPayload>(payload).Bytes.ToArray());
    }

    [Fact]
    public void Decode_Latin1_TakesEveryByte_AndBytesModeNeverMakesText()
    {
        Assert.True(TextCodec.TryDecode([0x63, 0x61, 0x66, 0xE9], TextEncoding.Latin1, out HubPayload latin));
        Assert.Equal("café", Assert.IsType<TextPayload>(latin).Text);
        Assert.True(TextCodec.TryDecode("abc"u8, TextEncoding.Bytes, out HubPayload bytes));
        Assert.IsType<BytesPayload>(bytes);
    }

    [Theory]
    [InlineData(TextFraming.Line, "CMD:GO\n")]
    [InlineData(TextFraming.Nul, "CMD:GO\0")]
    [InlineData(TextFraming.None, "CMD:GO")]
    public void Encode_Text_AppendsTheFramingsTerminator(TextFraming framing, string expected)
    {
        byte[] frame = TextCodec.Encode(new TextPayload("CMD:GO"), TextEncoding.Utf8, framing, out int length);

        Assert.Equal(expected, Encoding.UTF8.GetString(frame));
        Assert.Equal(6, length);
    }

    [Fact]
    public void Encode_OscArguments_AreSpaceJoinedPlainValues()
    {
        var payload = new OscPayload([OscArgument.Int32(1), OscArgument.Float32(0.5f), OscArgument.String("go"), OscArgument.True]);

        Assert.Equal("1 0.5 go true\n", Encoding.UTF8.GetString(TextCodec.Encode(payload, TextEncoding.Utf8, TextFraming.Line, out _)));
    }

    [Fact]
    public void Encode_Json_IsItsText_AndBytesAreSentAsTheyAre()
    {
        using JsonDocument json = JsonDocument.Parse("{\"cue\":3,\"go\":true}");
        Assert.Equal("{\"cue\":3,\"go\":true}\n", Encoding.UTF8.GetString(TextCodec.Encode(new JsonPayload(json.RootElement), TextEncoding.Utf8, TextFraming.Line, out _)));

        byte[] frame = TextCodec.Encode(new BytesPayload(new byte[] { 1, 2, 0xFF }), TextEncoding.Utf8, TextFraming.Nul, out int length);
        Assert.Equal([1, 2, 0xFF, 0], frame);
        Assert.Equal(3, length);
    }

    [Fact]
    public void Encode_Latin1_WritesOneBytePerCharacter()
    {
        Assert.Equal([0x63, 0x61, 0x66, 0xE9], TextCodec.Encode(new TextPayload("café"), TextEncoding.Latin1, TextFraming.None, out _));
    }

    [Fact]
    public void Describe_EscapesControlCharacters_AndShowsInvalidTextAsHex()
    {
        Assert.Equal("a\\tb\\r", TextCodec.Describe("a\tb\r"u8, TextEncoding.Utf8));
        Assert.Equal("(3 bytes) 41 FF FE", TextCodec.Describe([0x41, 0xFF, 0xFE], TextEncoding.Utf8));
        Assert.Equal("(2 bytes) 61 62", TextCodec.Describe("ab"u8, TextEncoding.Bytes));
    }

    [Fact]
    public void Describe_CutsLongText()
    {
        string shown = TextCodec.Describe(Encoding.UTF8.GetBytes(new string('x', 500)), TextEncoding.Utf8);

        Assert.Equal(new string('x', 200) + " ...", shown);
    }
}
