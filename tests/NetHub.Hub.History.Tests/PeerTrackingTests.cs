using Microsoft.Extensions.Logging;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Hub.History.Tests;

public sealed class PeerTrackingTests(ITestOutputHelper output) : HistoryTestKit(output)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private TestProbe Events()
    {
        TestProbe events = CreateTestProbe("events");
        Sys.EventStream.Subscribe<PeerAppeared>(events);
        Sys.EventStream.Subscribe<PeerWentSilent>(events);
        return events;
    }

    private void Seconds(int count)
    {
        for (int i = 0; i < count; i++)
        {
            Step(TimeSpan.FromSeconds(1));
        }

        Sync();
    }

    [Fact]
    public void Peer_AppearsOnce_GoesSilentOnceAfterTheTimeout_AndReappears()
    {
        TestProbe events = Events();
        StartHistory();

        In(Tablet, PeerA, "/1/fader1");
        Seconds(1);
        In(Tablet, PeerA, "/1/fader1");
        Sync();
        Assert.Equal(new PeerAppeared(Tablet, PeerA, Start), events.ExpectMsg<PeerAppeared>());
        events.ExpectNoMsg(Quiet);

        // Last heard at +1 s: still active at +30 s, silent at the check of +31 s.
        Seconds(29);
        Assert.False(Peers().Single().Silent);
        events.ExpectNoMsg(Quiet);
        Seconds(1);
        Assert.Equal(new PeerWentSilent(Tablet, PeerA, Start + TimeSpan.FromSeconds(1)), events.ExpectMsg<PeerWentSilent>());
        Assert.True(Logs.Contains(LogLevel.Information, "Peer 10.0.0.7:9000 on endpoint tablet went silent (last heard 30 s ago)"));
        Assert.True(Peers().Single().Silent);
        Assert.Equal(0, Stats().ActivePeers);

        Seconds(10);
        events.ExpectNoMsg(Quiet);

        In(Tablet, PeerA, "/1/fader1");
        In(Tablet, PeerA, "/1/fader1");
        Sync();
        Assert.Equal(new PeerAppeared(Tablet, PeerA, Start + TimeSpan.FromSeconds(41)), events.ExpectMsg<PeerAppeared>());
        events.ExpectNoMsg(Quiet);
        PeerStatus peer = Peers().Single();
        Assert.False(peer.Silent);
        Assert.Equal(Start, peer.FirstSeen);
        Assert.Equal(Start + TimeSpan.FromSeconds(41), peer.LastSeen);
        Assert.Equal(4, peer.Counts.Messages);
        Assert.True(Logs.Contains(LogLevel.Information, "Peer 10.0.0.7:9000 on endpoint tablet is back (silent for 40 s)"));
    }

    [Fact]
    public void Peers_GoSilentEachAtTheirOwnTime()
    {
        TestProbe events = Events();
        StartHistory();
        In(Tablet, PeerA, "/x");
        Seconds(5);
        In("desk", PeerB, "/y");
        Sync();
        events.ExpectMsg<PeerAppeared>(p => p.Peer == PeerA);
        events.ExpectMsg<PeerAppeared>(p => p.Peer == PeerB && p.Endpoint == "desk");

        Seconds(25);
        Assert.Equal(new PeerWentSilent(Tablet, PeerA, Start), events.ExpectMsg<PeerWentSilent>());
        Seconds(4);
        events.ExpectNoMsg(Quiet);
        Seconds(1);
        Assert.Equal(new PeerWentSilent("desk", PeerB, Start + TimeSpan.FromSeconds(5)), events.ExpectMsg<PeerWentSilent>());
        events.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Peer_KeptAlive_NeverGoesSilent()
    {
        TestProbe events = Events();
        StartHistory();
        for (int i = 0; i < 90; i++)
        {
            In(Tablet, PeerA, "/ping");
            Step(TimeSpan.FromSeconds(1));
        }

        Sync();
        events.ExpectMsg<PeerAppeared>();
        events.ExpectNoMsg(Quiet);
        Assert.Equal(90, Peers().Single().Counts.Messages);
    }
}
