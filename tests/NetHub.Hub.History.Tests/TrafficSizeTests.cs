using System.Text.Json;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.History.Tests;

public sealed class TrafficSizeTests
{
    private static int Size(string address, HubPayload payload) =>
        TrafficSize.Of(HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("n", "e", null), address, payload));

    public static TheoryData<OscArgument[]> OscArguments() => new()
    {
        Array.Empty<OscArgument>(),
        new[] { OscArgument.Float32(0.5f) },
        new[] { OscArgument.Int32(1), OscArgument.String("hello"), OscArgument.Float64(2.5), OscArgument.Int64(9) },
        new[] { OscArgument.Blob(new byte[] { 1, 2, 3, 4, 5 }), OscArgument.True, OscArgument.Nil, OscArgument.String("é€") },
        new[] { OscArgument.Array(OscArgument.Float32(1), OscArgument.Array(OscArgument.String("ab"))), OscArgument.Symbol("sym"), OscArgument.Char('x') },
    };

    [Theory]
    [MemberData(nameof(OscArguments))]
    public void Osc_IsTheEncodedMessageSize(OscArgument[] arguments)
    {
        var message = new OscMessage("/mixer/ch/1/gain", arguments);
        Assert.Equal(OscCodec.Encode(message).Length, Size("/mixer/ch/1/gain", new OscPayload(message.Arguments)));
    }

    [Fact]
    public void Osc_OfAFader_Is20Bytes() =>
        Assert.Equal(20, Size("/1/fader1", new OscPayload([OscArgument.Float32(0.5f)])));

    [Fact]
    public void Text_IsTheUtf8Length()
    {
        Assert.Equal(5, Size("/t", new TextPayload("hello")));
        Assert.Equal(5, Size("/t", new TextPayload("é€")));
    }

    [Fact]
    public void Bytes_AndJson_AreTheirLength()
    {
        Assert.Equal(7, Size("/b", new BytesPayload(new byte[7])));
        using JsonDocument json = JsonDocument.Parse("{\"a\": [1, 2]}");
        Assert.Equal(13, Size("/j", new JsonPayload(json.RootElement)));
    }
}
