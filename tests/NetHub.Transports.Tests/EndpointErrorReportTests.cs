using System.Net;
using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Transports.Tests;

/// <summary>
/// Every error an endpoint counts is also reported to the node's error sink (the history's traffic statistics) as a
/// <see cref="TrafficError"/> naming the endpoint, the reason and the peer it concerns.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EndpointErrorReportTests(ITestOutputHelper output) : EndpointTestKit(output)
{
    private static HubMessage Outgoing(string address, HubPayload payload) =>
        HubMessage.Create(DateTimeOffset.UtcNow, new MessageSource("test-node", "router", null), address, payload);

    [Fact]
    public void AMalformedOscPacket_IsReportedWithItsReasonAndThePeerThatSentIt()
    {
        TestProbe errors = CreateTestProbe("errors");
        IActorRef endpoint = Start(Define("type = osc-udp, bind = \"127.0.0.1:0\"", "tablet"), errors: errors.Ref);
        using var tablet = new UdpPeer();
        byte[] unknownTag = OscCodec.Encode(new OscMessage("/x", OscArgument.Int32(1)));
        unknownTag[Array.IndexOf(unknownTag, (byte)'i')] = (byte)'Q';

        tablet.Send(unknownTag, LocalOf(endpoint));
        tablet.Send(new OscMessage("/ok"), LocalOf(endpoint));

        Assert.Equal(new TrafficError("tablet", tablet.LocalText, "UnknownTypeTag", Received: true), errors.ExpectMsg<TrafficError>());
        Assert.Equal("/ok", TestActor.ExpectMsg<HubMessage>().Address);
        Assert.Equal(1, Status(endpoint).Counters.ErrorsByReason["UnknownTypeTag"]);
    }

    [Fact]
    public void AReplyThatCannotGo_IsReportedForThePeerItWasFor()
    {
        TestProbe errors = CreateTestProbe("errors");
        IActorRef endpoint = Start(Define("type = osc-udp, bind = \"127.0.0.1:0\"", "tablet"), errors: errors.Ref);

        endpoint.Tell(new SendMessage(Outgoing("/nethub/reply", new OscPayload([OscArgument.String("ok")])), to: "not-a-peer"));

        Assert.Equal(new TrafficError("tablet", "not-a-peer", "NoDestination", Received: false), errors.ExpectMsg<TrafficError>());
    }

    [Fact]
    public void ASendWithNowhereToGo_IsReportedWithoutAPeer()
    {
        TestProbe errors = CreateTestProbe("errors");
        IActorRef endpoint = Start(Define("type = osc-udp, bind = \"127.0.0.1:0\"", "tablet"), errors: errors.Ref);

        endpoint.Tell(new SendMessage(Outgoing("/nowhere", new OscPayload([]))));

        Assert.Equal(new TrafficError("tablet", null, "NoDestination"), errors.ExpectMsg<TrafficError>());
    }

    [Fact]
    public void TextThatIsNotValidForItsEncoding_IsReportedWithThePeer()
    {
        TestProbe errors = CreateTestProbe("errors");
        IActorRef endpoint = Start(Define("type = udp, bind = \"127.0.0.1:0\"", "props"), errors: errors.Ref);
        using var prop = new UdpPeer();

        prop.Send([0x02, 0xFF, 0x10, 0x80], LocalOf(endpoint));

        Assert.Equal(new TrafficError("props", prop.LocalText, "InvalidText", Received: true), errors.ExpectMsg<TrafficError>());
    }

    [Fact]
    public void AClientTheServerHasNoRoomFor_IsReportedWithItsAddress()
    {
        TestProbe errors = CreateTestProbe("errors");
        IActorRef endpoint = Start(Define("type = tcp-server, bind = \"127.0.0.1:0\", max-clients = 1", "desk"), errors: errors.Ref);
        IPEndPoint local = LocalOf(endpoint);
        using var first = new TcpClient();
        first.Connect(local);
        AwaitCondition(() => Status(endpoint).State.Contains("1 client(s)", StringComparison.Ordinal));
        using var second = new TcpClient();

        second.Connect(local);

        TrafficError error = errors.ExpectMsg<TrafficError>();
        Assert.Equal(("desk", "TooManyClients", true), (error.Endpoint, error.Reason, error.Received));
        Assert.Equal(NetAddress.Format((IPEndPoint)second.Client.LocalEndPoint!), error.Peer);
    }

    [Fact]
    public void WithoutASink_ErrorsAreStillCounted()
    {
        IActorRef endpoint = StartUdp();

        endpoint.Tell(new SendMessage(Outgoing("/nowhere", new OscPayload([]))));

        AwaitCondition(() => Status(endpoint).Counters.ErrorsByReason.GetValueOrDefault("NoDestination") == 1);
    }
}
