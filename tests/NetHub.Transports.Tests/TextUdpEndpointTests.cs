using System.Net;
using System.Text;
using NetHub.Actors;
using NetHub.Messages;
using Xunit.Abstractions;

namespace NetHub.Transports.Tests;

[Trait("Category", "Integration")]
public sealed class TextUdpEndpointTests(ITestOutputHelper output) : EndpointTestKit(output)
{
    private static HubMessage Outgoing(string text) =>
        HubMessage.Create(DateTimeOffset.UtcNow, new MessageSource("test-node", "router", null), "/out", new TextPayload(text));

    private IActorRef Listen(string extra = "") => Start(Define($"type = udp, bind = \"127.0.0.1:0\"\n{extra}", "td-udp"));

    [Fact]
    public void Receive_Utf8Datagram_IsATextMessageAtTheEndpointAddress()
    {
        IActorRef endpoint = Listen();
        using var td = new UdpPeer();

        td.Send(Encoding.UTF8.GetBytes("{\"scene\":\"intro\",\"level\":0.8} é"), LocalOf(endpoint));

        HubMessage message = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal("/text", message.Address);
        Assert.Equal("{\"scene\":\"intro\",\"level\":0.8} é", Assert.IsType<TextPayload>(message.Payload).Text);
        Assert.Equal(td.LocalText, message.Source.Peer);
        Assert.Equal("td-udp", message.Source.Endpoint);
        Assert.Equal("test-node", message.Source.Node);
        EndpointStatus status = Status(endpoint);
        Assert.StartsWith("listening on 127.0.0.1:", status.State, StringComparison.Ordinal);
        Assert.Contains("UDP text, none framing", status.State, StringComparison.Ordinal);
        Assert.Equal(1, status.Counters.MessagesIn);
        Assert.Equal(td.LocalText, Assert.Single(status.Peers).Address);
        Assert.Equal("{\"scene\":\"intro\",\"level\":0.8} é", Assert.Single(status.History).Text);
    }

    [Fact]
    public void Receive_InvalidUtf8_IsDeliveredAsBytes_CountedAndLogged()
    {
        IActorRef endpoint = Listen();
        using var prop = new UdpPeer();
        byte[] binary = [0x02, 0xFF, 0x10, 0x80];

        prop.Send(binary, LocalOf(endpoint));

        HubMessage message = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal(binary, Assert.IsType<BytesPayload>(message.Payload).Bytes.ToArray());
        Assert.Equal(1, Status(endpoint).Counters.ErrorsByReason.GetValueOrDefault("InvalidText"));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 2020 && e.Message.Contains($"4 bytes from {prop.LocalText} that are not valid utf-8", StringComparison.Ordinal));
    }

    [Fact]
    public void LineFraming_CutsADatagramIntoSeveralMessages_AtTheConfiguredAddress()
    {
        IActorRef endpoint = Listen("framing = line, address = \"/props/door\"");
        using var prop = new UdpPeer();

        prop.Send(Encoding.UTF8.GetBytes("OPEN\r\nLOCK=1\nlast"), LocalOf(endpoint));

        var messages = TestActor.ReceiveN(3).Cast<HubMessage>().ToList();
        Assert.Equal(["OPEN", "LOCK=1", "last"], messages.Select(m => ((TextPayload)m.Payload).Text));
        Assert.All(messages, m => Assert.Equal("/props/door", m.Address));
    }

    [Fact]
    public void DatagramLongerThanMaxMessage_IsCountedAndDropped_AndTheNextArrives()
    {
        IActorRef endpoint = Listen("max-message = 16");
        using var peer = new UdpPeer();
        IPEndPoint local = LocalOf(endpoint);

        peer.Send(new byte[17], local);
        peer.Send("short"u8.ToArray(), local);

        Assert.Equal("short", Assert.IsType<TextPayload>(TestActor.ExpectMsg<HubMessage>().Payload).Text);
        Assert.Equal(1, Status(endpoint).Counters.ErrorsByReason.GetValueOrDefault("MessageTooLong"));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 2021 && e.Message.Contains("longer than max-message (16 bytes)", StringComparison.Ordinal));
    }

    [Fact]
    public void Send_GoesToTheRemote_WithTheFramingsTerminator()
    {
        using var td = new UdpPeer();
        IActorRef endpoint = Start(Define($"type = udp, remote = \"{td.LocalText}\", framing = nul", "td-out"));

        endpoint.Tell(new SendMessage(Outgoing("CMD:EMERGENCY_STOP")));

        Assert.Equal("CMD:EMERGENCY_STOP\0"u8.ToArray(), td.Receive());
        AwaitCondition(() => Status(endpoint).Counters.MessagesOut == 1);
        Assert.Equal("CMD:EMERGENCY_STOP", Assert.Single(Status(endpoint).History).Text);
    }

    [Fact]
    public void Reply_GoesBackToThePeerThatSent()
    {
        IActorRef endpoint = Listen("framing = line");
        using var td = new UdpPeer();
        td.Send("CMD:STATUS\n"u8.ToArray(), LocalOf(endpoint));
        HubMessage request = TestActor.ExpectMsg<HubMessage>();

        endpoint.Tell(new SendMessage(Outgoing("STATUS:OK"), to: request.Source.Peer));

        Assert.Equal("STATUS:OK\n"u8.ToArray(), td.Receive());
    }

    [Fact]
    public void DualStackBind_RepliesToAnIpv4Peer()
    {
        IActorRef endpoint = Start(Define("type = udp, bind = \":0\", framing = line", "any"));
        int port = LocalOf(endpoint).Port;
        using var td = new UdpPeer();
        td.Send("hello\n"u8.ToArray(), new IPEndPoint(IPAddress.Loopback, port));
        HubMessage request = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal(td.LocalText, request.Source.Peer);

        endpoint.Tell(new SendMessage(Outgoing("hi"), to: request.Source.Peer));

        Assert.Equal("hi\n"u8.ToArray(), td.Receive());
        Assert.Contains("IPv6 and IPv4", Status(endpoint).State, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_WithNowhereToGo_IsCountedNotThrown()
    {
        IActorRef endpoint = Listen();

        endpoint.Tell(new SendMessage(Outgoing("lost")));
        endpoint.Tell(new SendMessage(Outgoing("lost"), to: "not-an-address"));

        AwaitCondition(() => Status(endpoint).Counters.DropsByReason.GetValueOrDefault("NoDestination") == 2);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("nowhere to send /out", StringComparison.Ordinal));
    }
}
