using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;
using Xunit.Abstractions;

namespace NetHub.Transports.Tests;

[Trait("Category", "Integration")]
public sealed class OscTcpEndpointTests(ITestOutputHelper output) : EndpointTestKit(output)
{
    private static HubMessage Outgoing(string address, params OscArgument[] args) =>
        HubMessage.Create(DateTimeOffset.UtcNow, new MessageSource("test-node", "router", null), address, new OscPayload(args));

    private IActorRef Server(string framing, string extra = "") =>
        Start(Define($"type = osc-tcp-server, bind = \"127.0.0.1:0\", framing = {framing}\n{extra}", "tcp-in"));

    [Theory]
    [InlineData("size-prefix", OscFraming.SizePrefix)]
    [InlineData("slip", OscFraming.Slip)]
    public void Server_ReceivesFramedPacketsFromSeveralClients(string framing, OscFraming kind)
    {
        IActorRef server = Server(framing);
        IPEndPoint local = LocalOf(server);
        using TcpPeer a = TcpPeer.Connect(local, kind);
        using TcpPeer b = TcpPeer.Connect(local, kind);

        a.Send(new OscMessage("/from/a", OscArgument.Int32(1)));
        b.Send(new OscBundle(OscTimeTag.Immediately, new OscMessage("/from/b", OscArgument.String("x"))));

        var received = TestActor.ReceiveN(2).Cast<HubMessage>().ToDictionary(m => m.Address);
        Assert.Equal(a.LocalText, received["/from/a"].Source.Peer);
        Assert.Equal(b.LocalText, received["/from/b"].Source.Peer);
        AwaitCondition(() => Status(server).Peers.Count == 2);
        Assert.Contains("2 client(s)", Status(server).State, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_SendsToAllClients_OrRepliesToOne()
    {
        IActorRef server = Server("size-prefix");
        IPEndPoint local = LocalOf(server);
        using TcpPeer a = TcpPeer.Connect(local, OscFraming.SizePrefix);
        using TcpPeer b = TcpPeer.Connect(local, OscFraming.SizePrefix);
        AwaitCondition(() => Status(server).State.Contains("2 client(s)", StringComparison.Ordinal));

        server.Tell(new SendMessage(Outgoing("/all", OscArgument.Int32(1))));
        Assert.Equal("/all", ((OscMessage)a.Receive()).Address);
        Assert.Equal("/all", ((OscMessage)b.Receive()).Address);

        server.Tell(new SendMessage(Outgoing("/only/b"), to: b.LocalText));
        Assert.Equal("/only/b", ((OscMessage)b.Receive()).Address);
        server.Tell(new SendMessage(Outgoing("/only/a"), to: a.LocalText));
        Assert.Equal("/only/a", ((OscMessage)a.Receive()).Address);
    }

    [Fact]
    public void Server_RefusesClientsBeyondMaxClients()
    {
        IActorRef server = Server("size-prefix", "max-clients = 1");
        IPEndPoint local = LocalOf(server);
        using TcpPeer first = TcpPeer.Connect(local, OscFraming.SizePrefix);
        AwaitCondition(() => Status(server).State.Contains("1 client(s)", StringComparison.Ordinal));

        using TcpPeer second = TcpPeer.Connect(local, OscFraming.SizePrefix);

        Assert.True(second.IsClosedByPeer(TimeSpan.FromSeconds(5)));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 2010 && e.Message.Contains("already 1 clients (raise max-clients)", StringComparison.Ordinal));
        first.Send(new OscMessage("/still/served"));
        Assert.Equal("/still/served", TestActor.ExpectMsg<HubMessage>().Address);
    }

    [Fact]
    public void Slip_OversizeFrameIsDiscarded_AndTheStreamCarriesOn()
    {
        IActorRef server = Server("slip", "limits.max-packet = 256");
        using TcpPeer client = TcpPeer.Connect(LocalOf(server), OscFraming.Slip);

        client.Send(new OscMessage("/big", OscArgument.Blob(new byte[1000])));
        client.Send(new OscMessage("/small"));

        Assert.Equal("/small", TestActor.ExpectMsg<HubMessage>().Address);
        Assert.Equal(1, Status(server).Counters.ErrorsByReason.GetValueOrDefault("FrameTooLarge"));
    }

    [Fact]
    public void SizePrefix_ImpossibleSizeClosesThatConnectionOnly()
    {
        IActorRef server = Server("size-prefix");
        IPEndPoint local = LocalOf(server);
        using TcpPeer bad = TcpPeer.Connect(local, OscFraming.SizePrefix);
        using TcpPeer good = TcpPeer.Connect(local, OscFraming.SizePrefix);
        byte[] hostile = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(hostile, int.MaxValue);

        bad.SendRaw(hostile);

        Assert.True(bad.IsClosedByPeer(TimeSpan.FromSeconds(5)));
        good.Send(new OscMessage("/unaffected"));
        Assert.Equal("/unaffected", TestActor.ExpectMsg<HubMessage>().Address);
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 2009 && e.Message.Contains("unreadable stream", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("size-prefix", OscFraming.SizePrefix)]
    [InlineData("slip", OscFraming.Slip)]
    public void Client_ConnectsSendsAndReceives(string framing, OscFraming kind)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        IActorRef client = Start(Define($"type = osc-tcp-client, remote = \"{NetAddress.Format((IPEndPoint)listener.LocalEndPoint!)}\", framing = {framing}", "desk"));
        using TcpPeer desk = TcpPeer.Accept(listener, kind);
        AwaitCondition(() => Status(client).State.StartsWith("connected", StringComparison.Ordinal));

        client.Tell(new SendMessage(Outgoing("/eos/cue/1/fire")));
        Assert.Equal("/eos/cue/1/fire", ((OscMessage)desk.Receive()).Address);

        desk.Send(new OscMessage("/eos/out/active/cue", OscArgument.String("1")));
        HubMessage back = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal("/eos/out/active/cue", back.Address);
        Assert.Equal("desk", back.Source.Endpoint);
    }

    [Fact]
    public void Client_RetriesWithBackoffUntilTheServerAppears_AndReconnectsWhenDropped()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        IActorRef client = Start(Define($"type = osc-tcp-client, remote = \"127.0.0.1:{port}\", reconnect {{ min-backoff = 200ms, max-backoff = 800ms, random-factor = 0 }}", "desk"));
        AwaitCondition(() => Logs.Count(e => e.EventId.Id == 2006) == 1);
        Assert.Contains("retrying in 200 ms (attempt 1)", Logs.Entries.Last(e => e.EventId.Id == 2006).Message, StringComparison.Ordinal);
        Clock.Advance(TimeSpan.FromMilliseconds(200));
        AwaitCondition(() => Logs.Count(e => e.EventId.Id == 2006) == 2);
        Assert.Contains("retrying in 400 ms (attempt 2)", Logs.Entries.Last(e => e.EventId.Id == 2006).Message, StringComparison.Ordinal);

        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen();
        Clock.Advance(TimeSpan.FromMilliseconds(400));
        using (TcpPeer first = TcpPeer.Accept(listener, OscFraming.SizePrefix))
        {
            AwaitCondition(() => Status(client).State.StartsWith("connected", StringComparison.Ordinal));
        }

        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 2007), message: "the drop is noticed");
        Assert.Contains("reconnecting in 200 ms", Logs.Entries.Last(e => e.EventId.Id == 2007).Message, StringComparison.Ordinal);
        Clock.Advance(TimeSpan.FromMilliseconds(200));
        using TcpPeer second = TcpPeer.Accept(listener, OscFraming.SizePrefix);
        AwaitCondition(() => Status(client).State.StartsWith("connected", StringComparison.Ordinal));
        client.Tell(new SendMessage(Outgoing("/after/reconnect")));
        Assert.Equal("/after/reconnect", ((OscMessage)second.Receive()).Address);
    }

    [Fact]
    public void Client_SendWhileDisconnected_IsDroppedAndCounted()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        IActorRef client = Start(Define($"type = osc-tcp-client, remote = \"127.0.0.1:{port}\"", "desk"));
        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 2006));

        client.Tell(new SendMessage(Outgoing("/lost")));

        AwaitCondition(() => Status(client).Counters.DropsByReason.GetValueOrDefault("NotConnected") == 1);
        Assert.True(Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, $"dropped /lost: not connected to 127.0.0.1:{port}"));
    }
}
