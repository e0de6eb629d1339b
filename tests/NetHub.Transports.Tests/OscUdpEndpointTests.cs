using System.Net;
using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Transports.Tests;

[Trait("Category", "Integration")]
public sealed class OscUdpEndpointTests(ITestOutputHelper output) : EndpointTestKit(output)
{
    private static HubMessage Outgoing(string address, params OscArgument[] args) =>
        HubMessage.Create(DateTimeOffset.UtcNow, new MessageSource("test-node", "router", null), address, new OscPayload(args));

    [Fact]
    public void Receive_DeliversHubMessagesNamingThePeer_AndStatusShowsCountersPeersAndHistory()
    {
        IActorRef endpoint = StartUdp();
        IPEndPoint local = LocalOf(endpoint);
        using var tablet = new UdpPeer();

        tablet.Send(new OscMessage("/fader/1", OscArgument.Float32(0.75f)), local);
        tablet.Send(new OscMessage("/cue/go"), local);

        HubMessage first = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal("/fader/1", first.Address);
        Assert.Equal(tablet.LocalText, first.Source.Peer);
        Assert.Equal("ep", first.Source.Endpoint);
        Assert.Equal("/cue/go", TestActor.ExpectMsg<HubMessage>().Address);

        EndpointStatus status = Status(endpoint);
        Assert.StartsWith("listening on 127.0.0.1:", status.State, StringComparison.Ordinal);
        Assert.Equal(2, status.Counters.MessagesIn);
        PeerInfo peer = Assert.Single(status.Peers);
        Assert.Equal(tablet.LocalText, peer.Address);
        Assert.Equal(2, peer.Packets);
        Assert.Equal(["/fader/1 f 0.750000", "/cue/go "], status.History.Select(h => h.Text));
    }

    [Fact]
    public void Send_GoesToTheRemote()
    {
        using var app = new UdpPeer();
        IActorRef endpoint = Start(Define($"type = osc-udp, remote = \"{app.LocalText}\""));

        endpoint.Tell(new SendMessage(Outgoing("/mixer/ch/12/fader", OscArgument.Float32(0.5f))));

        Assert.Equal(new OscMessage("/mixer/ch/12/fader", OscArgument.Float32(0.5f)), app.ReceiveOsc());
        AwaitCondition(() => Status(endpoint).Counters.MessagesOut == 1);
    }

    [Fact]
    public void SendBatch_SendsEachMessageInOrder()
    {
        using var app = new UdpPeer();
        IActorRef endpoint = Start(Define($"type = osc-udp, remote = \"{app.LocalText}\""));

        endpoint.Tell(new SendBatch([.. Enumerable.Range(1, 3).Select(i => new SendMessage(Outgoing($"/mixer/ch/{i}/fader", OscArgument.Float32(i / 10f))))]));

        for (int i = 1; i <= 3; i++)
        {
            Assert.Equal(new OscMessage($"/mixer/ch/{i}/fader", OscArgument.Float32(i / 10f)), app.ReceiveOsc());
        }

        AwaitCondition(() => Status(endpoint).Counters.MessagesOut == 3);
    }

    [Fact]
    public void Reply_GoesBackToThePeerThatSent()
    {
        IActorRef endpoint = StartUdp();
        using var tablet = new UdpPeer();
        tablet.Send(new OscMessage("/nethub/status"), LocalOf(endpoint));
        HubMessage request = TestActor.ExpectMsg<HubMessage>();

        endpoint.Tell(new SendMessage(Outgoing("/nethub/status/reply", OscArgument.String("ok")), to: request.Source.Peer));

        Assert.Equal(new OscMessage("/nethub/status/reply", OscArgument.String("ok")), tablet.ReceiveOsc());
    }

    [Fact]
    public void PassedThroughTime_IsSentAsABundle()
    {
        using var app = new UdpPeer();
        IActorRef endpoint = Start(Define($"type = osc-udp, remote = \"{app.LocalText}\""));
        var tag = new OscTimeTag(0xe8754700, 0x80000000);
        HubMessage message = HubMessage.Create(DateTimeOffset.UtcNow, new MessageSource("n", "e", null), "/cue/go", new OscPayload([OscArgument.Int32(3)]), tag);

        endpoint.Tell(new SendMessage(message));

        Assert.Equal(new OscBundle(tag, new OscMessage("/cue/go", OscArgument.Int32(3))), app.ReceiveOsc());
    }

    [Fact]
    public void SendWithoutDestination_IsDroppedCountedAndLogged()
    {
        IActorRef endpoint = StartUdp();
        endpoint.Tell(new SendMessage(Outgoing("/nowhere")));
        AwaitCondition(() => Status(endpoint).Counters.DropsByReason.GetValueOrDefault("NoDestination") == 1);
        Assert.True(Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "nowhere to send /nowhere: no remote is configured"));
    }

    [Fact]
    public void Ipv6Loopback_ReceivesAndReplies()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return;
        }

        IActorRef endpoint = Start(Define("type = osc-udp, bind = \"[::1]:0\""));
        using var peer = new UdpPeer(IPAddress.IPv6Loopback);
        peer.Send(new OscMessage("/v6", OscArgument.Int32(6)), LocalOf(endpoint));

        HubMessage received = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal($"[::1]:{peer.Local.Port}", received.Source.Peer);
        endpoint.Tell(new SendMessage(Outgoing("/v6/ack"), received.Source.Peer));
        Assert.Equal("/v6/ack", ((OscMessage)peer.ReceiveOsc()).Address);
    }

    [Fact]
    public void AllInterfaces_DualStack_AcceptsIpv4Senders()
    {
        IActorRef endpoint = Start(Define("type = osc-udp, bind = \":0\""));
        int port = LocalOf(endpoint).Port;
        using var v4 = new UdpPeer();
        v4.Send(new OscMessage("/v4"), new IPEndPoint(IPAddress.Loopback, port));
        Assert.Equal(v4.LocalText, TestActor.ExpectMsg<HubMessage>().Source.Peer);
        Assert.Contains("IPv6 and IPv4", Status(endpoint).State, StringComparison.Ordinal);
    }

    [Fact]
    public void Multicast_GroupIsJoinedAndSendsReachIt()
    {
        const string group = "239.255.73.21";
        IActorRef receiver = Start(Define($"type = osc-udp, bind = \"0.0.0.0:0\", multicast {{ group = \"{group}\", interface = \"127.0.0.1\" }}", "mc-in"));
        int port = LocalOf(receiver).Port;
        IActorRef sender = Start(Define($"type = osc-udp, remote = \"{group}:{port}\", multicast {{ interface = \"127.0.0.1\", loopback = on }}", "mc-out"), CreateTestProbe().Ref);

        sender.Tell(new SendMessage(Outgoing("/multicast/hello", OscArgument.Int32(1))));

        HubMessage received = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal("/multicast/hello", received.Address);
        Assert.Equal("mc-in", received.Source.Endpoint);
        Assert.Contains($"multicast group {group}", Status(receiver).State, StringComparison.Ordinal);
    }

    [Fact]
    public void Broadcast_IsSentWhenAllowed()
    {
        IActorRef receiver = Start(Define("type = osc-udp, bind = \"0.0.0.0:0\"", "bc-in"));
        int port = LocalOf(receiver).Port;
        IActorRef sender = Start(Define($"type = osc-udp, remote = \"127.255.255.255:{port}\", broadcast = on", "bc-out"), CreateTestProbe().Ref);

        sender.Tell(new SendMessage(Outgoing("/broadcast/hello")));

        Assert.Equal("/broadcast/hello", TestActor.ExpectMsg<HubMessage>().Address);
    }

    [Fact]
    public void PortInUse_FailsWithAPlainReason_AndTheSupervisorRetries()
    {
        ExpectErrorLog("already in use");
        using var occupant = new UdpPeer();
        EndpointDefinition definition = Define($"type = osc-udp, bind = \"{occupant.LocalText}\", restart {{ min-backoff = 1s, max-backoff = 1s, random-factor = 0 }}", "osc-in");

        Sys.ActorOf(EndpointFactory.CreateSupervised(definition, new EndpointContext("test-node", TestActor.Ref, Scheduler)), "osc-in");

        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 1040));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 2001 && e.Message.Contains($"Endpoint 'osc-in' cannot listen on {occupant.LocalText}: the address is already in use", StringComparison.Ordinal)
            && e.Message.Contains("change the endpoint's bind", StringComparison.Ordinal));
        occupant.Dispose();
        Clock.Advance(TimeSpan.FromSeconds(1));
        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 2000), message: "the endpoint starts once the port is free");
    }

    [Fact]
    public void Stop_ReleasesThePort()
    {
        IActorRef endpoint = StartUdp();
        IPEndPoint local = LocalOf(endpoint);
        TestActor.Watch(endpoint);
        Sys.Stop(endpoint);
        TestActor.ExpectTerminated(endpoint);

        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        again.Bind(local);
    }

    [Fact]
    public void Stop_WhileWaitingForADatagram_ReportsNothingReceived()
    {
        IActorRef endpoint = StartUdp();
        using var tablet = new UdpPeer();
        tablet.Send(new OscMessage("/1/fader1", OscArgument.Float32(0.5f)), LocalOf(endpoint));
        TestActor.ExpectMsg<HubMessage>();

        // The receive thread waits again for the next datagram; stopping shuts the socket down under it.
        TestActor.Watch(endpoint);
        Sys.Stop(endpoint);
        TestActor.ExpectTerminated(endpoint);

        Assert.DoesNotContain(Logs.Entries, e => e.EventId.Id == 2002);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Receive_RunsAnIdleInboundActorThatAllowsIt_OnTheReceiveThread_AndWhatItSends()
    {
        // As in a node: the router (here a relay that allows it) runs on the endpoint's receive thread, and so do the
        // output endpoint's backoff supervisor and the endpoint; the datagram goes out without waiting for a pool thread.
        using var app = new UdpPeer();
        IActorRef output = Sys.ActorOf(
            EndpointFactory.CreateSupervised(Define($"type = osc-udp, remote = \"{app.LocalText}\"", "out"), new EndpointContext("test-node", null, Scheduler)), "out");
        IActorRef relay = Sys.ActorOf(Props.Create(() => new ThreadReportingRelay(TestActor.Ref, output)).WithRunsOnSender(), "relay");
        IActorRef endpoint = StartUdp(inbound: relay);
        using var tablet = new UdpPeer();

        IPEndPoint local = LocalOf(endpoint);

        // A datagram that lands while the relay is still finishing an earlier run (its start, say) joins that run on the
        // pool; so send until one arrives with the relay idle, a few at most.
        List<string> threads = [];
        for (int i = 0; i < 10 && !threads.Contains("nethub-udp-ep"); i++)
        {
            tablet.Send(new OscMessage("/fader/1", OscArgument.Float32(0.75f)), local);
            threads.Add(TestActor.ExpectMsg<string>());
            Assert.Equal(new OscMessage("/fader/1", OscArgument.Float32(0.75f)), app.ReceiveOsc());
        }

        Assert.Contains("nethub-udp-ep", threads);
    }

    /// <summary>Reports the name of the thread each message ran on, and sends the message on through <c>output</c>.</summary>
    private sealed class ThreadReportingRelay : Actor
    {
        public ThreadReportingRelay(IActorRef report, IActorRef output) => Receive<HubMessage>(message =>
        {
            report.Tell(Thread.CurrentThread.Name ?? "(unnamed)");
            output.Tell(new SendMessage(message));
        });
    }
}
