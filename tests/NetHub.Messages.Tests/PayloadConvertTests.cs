using System.Text;
using System.Text.Json;
using NetHub.Osc;

namespace NetHub.Messages.Tests;

public sealed class PayloadConvertTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static string JsonText(HubPayload payload) => PayloadConvert.ToJson(payload).GetRawText();

    [Fact]
    public void JsonToOsc_MapsEachKind()
    {
        IReadOnlyList<OscArgument> args = PayloadConvert.FromJson(Json("""[1, 3000000000, 0.5, "go", true, false, null, [1, [2, "x"]], {"x": 0.5}]"""));

        Assert.Equal(
            [
                OscArgument.Int32(1), OscArgument.Int64(3000000000), OscArgument.Float32(0.5f), OscArgument.String("go"),
                OscArgument.True, OscArgument.False, OscArgument.Nil,
                OscArgument.Array(OscArgument.Int32(1), OscArgument.Array(OscArgument.Int32(2), OscArgument.String("x"))),
                OscArgument.String("""{"x": 0.5}"""),
            ],
            args);
    }

    [Fact]
    public void JsonScalar_IsOneArgument() => Assert.Equal([OscArgument.Float32(0.25f)], PayloadConvert.FromJson(Json("0.25")));

    [Fact]
    public void OscToJson_MapsEachType()
    {
        var payload = new OscPayload(
        [
            OscArgument.Int32(-3), OscArgument.Int64(1L << 40), OscArgument.Float32(0.1f), OscArgument.Float64(2.5),
            OscArgument.String("cue"), OscArgument.Symbol("sym"), OscArgument.Char('x'), OscArgument.Blob(new byte[] { 1, 2, 3 }),
            OscArgument.True, OscArgument.False, OscArgument.Nil, OscArgument.Impulse,
            OscArgument.Rgba(new OscRgba(0x11, 0x22, 0x33, 0xff)), OscArgument.Midi(new OscMidi(0, 0x90, 60, 127)),
            OscArgument.TimeTag(OscTimeTag.Immediately), OscArgument.Array(OscArgument.Int32(1), OscArgument.Int32(2)),
        ]);

        Assert.Equal(
            """[-3,1099511627776,0.1,2.5,"cue","sym","x","AQID",true,false,null,"impulse","#112233ff",[0,144,60,127],"immediately",[1,2]]""",
            JsonText(payload));
    }

    [Fact]
    public void NonFiniteFloats_BecomeNamedStringsInJson()
    {
        var payload = new OscPayload([OscArgument.Float32(float.NaN), OscArgument.Float64(double.PositiveInfinity), OscArgument.Float32(float.NegativeInfinity)]);
        Assert.Equal("""["NaN","Infinity","-Infinity"]""", JsonText(payload));
    }

    [Fact]
    public void TimeTag_BecomesIso8601InJson()
    {
        var time = new DateTimeOffset(2026, 11, 21, 20, 0, 0, 500, TimeSpan.Zero);
        var payload = new OscPayload([OscArgument.TimeTag(OscTimeTag.FromDateTimeOffset(time))]);
        Assert.StartsWith("""["2026-11-21T20:00:00.5""", JsonText(payload), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_BecomesOneStringArgument_AndUtf8Bytes()
    {
        var text = new TextPayload("GO cue 5");
        Assert.Equal([OscArgument.String("GO cue 5")], PayloadConvert.ToOscArguments(text));
        Assert.Equal(Encoding.UTF8.GetBytes("GO cue 5"), PayloadConvert.ToBytes(text, "/x").ToArray());
        Assert.Equal("\"GO cue 5\"", JsonText(text));
    }

    [Fact]
    public void TextWithNul_LosesTheNulToBecomeAValidOscString() =>
        Assert.Equal([OscArgument.String("ab")], PayloadConvert.ToOscArguments(new TextPayload("a\0b")));

    [Fact]
    public void Bytes_BecomeOneBlob_Base64InJson_Utf8AsText()
    {
        var bytes = new BytesPayload(Encoding.UTF8.GetBytes("hi"));
        Assert.Equal([OscArgument.Blob(Encoding.UTF8.GetBytes("hi"))], PayloadConvert.ToOscArguments(bytes));
        Assert.Equal("\"aGk=\"", JsonText(bytes));
        Assert.Equal("hi", PayloadConvert.ToText(bytes));
    }

    [Fact]
    public void OscToBytes_SingleBlobIsItsContent_OtherwiseTheEncodedMessage()
    {
        var blob = new OscPayload([OscArgument.Blob(new byte[] { 9, 8 })]);
        Assert.Equal(new byte[] { 9, 8 }, PayloadConvert.ToBytes(blob, "/raw").ToArray());

        var fader = new OscPayload([OscArgument.Float32(0.5f)]);
        byte[] encoded = PayloadConvert.ToBytes(fader, "/fader/1").ToArray();
        Assert.Equal(new OscMessage("/fader/1", OscArgument.Float32(0.5f)), OscCodec.Decode(encoded));
    }

    [Fact]
    public void OscToText_IsPlainAndInvariant()
    {
        var payload = new OscPayload([OscArgument.Float32(0.75f), OscArgument.Int32(12), OscArgument.String("go"), OscArgument.True, OscArgument.Nil, OscArgument.Array(OscArgument.Int32(1), OscArgument.Int32(2))]);
        Assert.Equal("0.75 12 go true null [1 2]", PayloadConvert.ToText(payload));
    }

    [Fact]
    public void Json_RoundTripsThroughOsc()
    {
        JsonElement json = Json("""[1, -2, 0.5, "x", true, false, null, [1, 2, [3]]]""");
        IReadOnlyList<OscArgument> args = PayloadConvert.FromJson(json);
        Assert.Equal("""[1,-2,0.5,"x",true,false,null,[1,2,[3]]]""", JsonText(new OscPayload(args)));
    }

    [Fact]
    public void DeepJson_IsRefused()
    {
        string deep = new string('[', 40) + new string(']', 40);
        Assert.Throws<FormatException>(() => PayloadConvert.FromJson(Json(deep)));
    }

    [Fact]
    public void JsonPayload_ConvertsToOscArguments() =>
        Assert.Equal([OscArgument.Int32(1), OscArgument.String("a")], PayloadConvert.ToOscArguments(new JsonPayload(Json("""[1,"a"]"""))));

    [Fact]
    public void ToOscMessage_UsesAddressAndArguments()
    {
        HubMessage message = HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("n", "e", null), "/cue/go", new JsonPayload(Json("[5]")));
        Assert.Equal(new OscMessage("/cue/go", OscArgument.Int32(5)), PayloadConvert.ToOscMessage(message));
    }
}
