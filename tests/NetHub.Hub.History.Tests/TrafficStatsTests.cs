using Microsoft.Extensions.Logging;
using NetHub.Osc;
using NetHub.Transports;
using Xunit.Abstractions;

namespace NetHub.Hub.History.Tests;

public sealed class TrafficStatsTests(ITestOutputHelper output) : HistoryTestKit(output)
{
    private static readonly int FaderBytes = OscCodec.GetSize(new OscMessage("/1/fader1", OscArgument.Float32(0.5f)));

    private static void AssertWindow(TrafficWindow window, long last1s, long last10s, long last60s)
    {
        Assert.Equal(last1s, window.Messages1s);
        Assert.Equal(last10s, window.Messages10s);
        Assert.Equal(last60s, window.Messages60s);
    }

    [Fact]
    public void Rates_CountTheLast1s10sAnd60s_AsTimeAdvances()
    {
        StartHistory();
        for (int i = 0; i < 3; i++)
        {
            In(Tablet, PeerA, "/1/fader1");
        }

        Step(TimeSpan.FromMilliseconds(500));
        In(Tablet, PeerA, "/1/fader1");
        In(Tablet, PeerA, "/1/fader1");

        TrafficStatsReport stats = Stats();
        AssertWindow(stats.In.Recent, 5, 5, 5);
        AssertWindow(stats.Endpoints.Single().In.Recent, 5, 5, 5);
        AssertWindow(stats.TopAddresses.Single().Counts.Recent, 5, 5, 5);
        AssertWindow(stats.Peers.Single().Counts.Recent, 5, 5, 5);
        Assert.Equal(5 * FaderBytes, stats.In.Recent.Bytes1s);
        Assert.Equal(5.0, stats.In.Recent.Rate1s);
        Assert.Equal(0.5, stats.In.Recent.Rate10s);

        Step(TimeSpan.FromMilliseconds(500));
        stats = Stats();
        AssertWindow(stats.In.Recent, 2, 5, 5);
        Assert.Equal(2 * FaderBytes, stats.In.Recent.Bytes1s);

        Step(TimeSpan.FromMilliseconds(500));
        AssertWindow(Stats().In.Recent, 0, 5, 5);

        Step(TimeSpan.FromSeconds(8.5));
        stats = Stats();
        AssertWindow(stats.In.Recent, 0, 0, 5);
        Assert.Equal(5 * FaderBytes, stats.In.Recent.Bytes60s);

        Step(TimeSpan.FromSeconds(50));
        stats = Stats();
        AssertWindow(stats.In.Recent, 0, 0, 0);
        Assert.Equal(5, stats.In.Messages);
        Assert.Equal(5 * FaderBytes, stats.In.Bytes);
        AssertWindow(stats.Out.Recent, 0, 0, 0);
    }

    [Fact]
    public void Endpoints_CountInAndOutApart()
    {
        StartHistory();
        In(Tablet, PeerA, "/1/fader1");
        Out("td", null, "/mixer/1", Text("/mixer/1", "gain 0.5"));
        Out("td", null, "/mixer/2", Text("/mixer/2", "é"));

        TrafficStatsReport stats = Stats();

        Assert.Equal(["tablet", "td"], stats.Endpoints.Select(e => e.Endpoint));
        EndpointTraffic td = stats.Endpoints[1];
        Assert.Equal(0, td.In.Messages);
        Assert.Equal(2, td.Out.Messages);
        Assert.Equal(8 + 2, td.Out.Bytes);
        Assert.Equal(1, stats.In.Messages);
        Assert.Equal(2, stats.Out.Messages);
        Assert.Equal(3, stats.TotalRecorded);
    }

    [Fact]
    public void TopAddresses_AreOrderedByTheirRateOverTheLast10s()
    {
        StartHistory();
        for (int i = 0; i < 3; i++)
        {
            In(Tablet, PeerA, "/a");
        }

        for (int i = 0; i < 5; i++)
        {
            In(Tablet, PeerA, "/b");
        }

        In(Tablet, PeerA, "/c");

        Assert.Equal(["/b", "/a"], Stats(top: 2).TopAddresses.Select(a => a.Address));

        Step(TimeSpan.FromSeconds(11));
        In(Tablet, PeerA, "/c");
        In("td", null, "/a");

        TrafficStatsReport stats = Stats();
        Assert.Equal(["/c", "/a", "/b", "/a"], stats.TopAddresses.Select(a => a.Address));
        Assert.Equal(("tablet", TrafficDirection.In, 2L), (stats.TopAddresses[0].Endpoint, stats.TopAddresses[0].Direction, stats.TopAddresses[0].Counts.Messages));
        Assert.Equal("td", stats.TopAddresses[1].Endpoint);
        Assert.Empty(Stats(top: 0).TopAddresses);
    }

    [Fact]
    public void Intervals_OfASteady30HzStream_Read33msAnd30Hz_IgnoringAPause()
    {
        StartHistory();
        var period = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 30);
        for (int i = 0; i < 31; i++)
        {
            In(Tablet, PeerA, "/1/fader1");
            Step(period);
        }

        Step(TimeSpan.FromSeconds(5));
        In(Tablet, PeerA, "/1/fader1");

        MessageIntervals intervals = Stats().TopAddresses.Single().Intervals;

        Assert.Equal(30, intervals.Count);
        Assert.Equal(period, intervals.Average);
        Assert.Equal(period, intervals.Min);
        Assert.Equal(period, intervals.Max);
        Assert.Equal(30.0, intervals.FrequencyHz, 3);
        Assert.Equal(33.333, intervals.Average.TotalMilliseconds, 3);
    }

    [Fact]
    public void Intervals_OfAnUnevenStream_ReportMinAndMax()
    {
        StartHistory();
        In(Tablet, PeerA, "/x");
        Step(TimeSpan.FromMilliseconds(10));
        In(Tablet, PeerA, "/x");
        Step(TimeSpan.FromMilliseconds(50));
        In(Tablet, PeerA, "/x");

        MessageIntervals intervals = Stats().TopAddresses.Single().Intervals;

        Assert.Equal(2, intervals.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(30), intervals.Average);
        Assert.Equal(TimeSpan.FromMilliseconds(10), intervals.Min);
        Assert.Equal(TimeSpan.FromMilliseconds(50), intervals.Max);
    }

    [Fact]
    public void Intervals_OfASingleMessage_AreNone()
    {
        StartHistory();
        In(Tablet, PeerA, "/x");
        MessageIntervals intervals = Stats().TopAddresses.Single().Intervals;
        Assert.Equal(0, intervals.Count);
        Assert.Equal(0, intervals.FrequencyHz);
    }

    [Fact]
    public void Errors_AreCountedByReason_PerEndpointAndPeer_AndLoggedOncePerReason()
    {
        StartHistory();
        In(Tablet, PeerA, "/1/fader1");
        for (int i = 0; i < 3; i++)
        {
            History.Tell(new TrafficError(Tablet, PeerA, "malformed OSC packet"));
        }

        Step(TimeSpan.FromSeconds(1));
        History.Tell(new TrafficError("td", null, "send failed: host unreachable"));

        TrafficStatsReport stats = Stats();

        Assert.Equal(4, stats.TotalErrors);
        Assert.Equal(
            [(Tablet, "malformed OSC packet", 3L, (string?)PeerA, Start), ("td", "send failed: host unreachable", 1L, null, Start + TimeSpan.FromSeconds(1))],
            stats.Errors.Select(e => (e.Endpoint, e.Reason, e.Count, e.LastPeer, e.LastAt)));
        Assert.Equal(3, stats.Endpoints.Single(e => e.Endpoint == Tablet).Errors);
        Assert.Equal(1, stats.Endpoints.Single(e => e.Endpoint == "td").Errors);
        Assert.Equal(3, stats.Peers.Single().Errors);
        Assert.Equal(2, Logs.Count(e => e.EventId.Id == 3404));
        Assert.True(Logs.Contains(LogLevel.Warning, "Endpoint tablet: malformed OSC packet (from 10.0.0.7:9000)"));
    }

    [Fact]
    public void AnErrorInWhatAPeerSent_MakesThePeerKnown_WithoutCountingItAsTraffic()
    {
        // A device that only ever sends what cannot be read still shows among the peers, with its errors.
        StartHistory();
        History.Tell(new TrafficError(Tablet, PeerA, "UnknownTypeTag", Received: true));
        Step(TimeSpan.FromSeconds(1));
        History.Tell(new TrafficError(Tablet, PeerA, "UnknownTypeTag", Received: true));

        TrafficStatsReport stats = Stats();

        PeerStatus peer = Assert.Single(stats.Peers);
        Assert.Equal((Tablet, PeerA, Start, Start + TimeSpan.FromSeconds(1), 2L), (peer.Endpoint, peer.Peer, peer.FirstSeen, peer.LastSeen, peer.Errors));
        Assert.Equal(0, stats.In.Messages);
        Assert.Equal(0, peer.Counts.Messages);
        Assert.Equal(2, stats.Endpoints.Single(e => e.Endpoint == Tablet).Errors);
    }

    [Fact]
    public void AnErrorSendingToAPeerNeverHeardFrom_DoesNotInventThePeer()
    {
        StartHistory();
        History.Tell(new TrafficError(Tablet, "not-a-peer", "NoDestination"));

        TrafficStatsReport stats = Stats();

        Assert.Empty(stats.Peers);
        Assert.Equal(1, stats.TotalErrors);
    }

    [Fact]
    public void Errors_BeyondMaxErrorReasons_AreFoldedIntoOther()
    {
        StartHistory(Settings(maxErrorReasons: 2));
        History.Tell(new TrafficError(Tablet, null, "one"));
        History.Tell(new TrafficError(Tablet, null, "two"));
        History.Tell(new TrafficError(Tablet, null, "three"));
        History.Tell(new TrafficError(Tablet, null, "four"));

        TrafficStatsReport stats = Stats();

        Assert.Equal([("other", 2L), ("one", 1L), ("two", 1L)], stats.Errors.Select(e => (e.Reason, e.Count)));
        Assert.Equal(2, stats.Tracking.ErrorReasonsFolded);
        Assert.Equal(4, stats.TotalErrors);
    }

    [Fact]
    public void Addresses_BeyondMaxAddresses_EvictTheLeastRecentlySeen()
    {
        StartHistory(Settings(maxAddresses: 3));
        In(Tablet, PeerA, "/a");
        In(Tablet, PeerA, "/b");
        In(Tablet, PeerA, "/c");
        In(Tablet, PeerA, "/a");
        In(Tablet, PeerA, "/d");

        TrafficStatsReport stats = Stats();

        Assert.Equal(["/a", "/c", "/d"], stats.TopAddresses.Select(a => a.Address).Order(StringComparer.Ordinal));
        Assert.Equal(3, stats.Tracking.Addresses);
        Assert.Equal(1, stats.Tracking.AddressesEvicted);
        Assert.Equal(5, stats.In.Messages);
        Assert.True(Logs.Contains(LogLevel.Information, "the least recently seen, /b on endpoint tablet, was evicted"));

        In(Tablet, PeerA, "/b");
        stats = Stats();
        Assert.Equal(2, stats.Tracking.AddressesEvicted);
        Assert.Equal(1, stats.TopAddresses.Single(a => a.Address == "/b").Counts.Messages);
        Assert.DoesNotContain(stats.TopAddresses, a => a.Address == "/c");
    }

    [Fact]
    public void AnEndpointsLastAddressEntry_ReusedForAnotherEndpoint_IsNotCountedForTheFirst()
    {
        // Each endpoint remembers the entry of its last address (found again by reference); an entry evicted and reused
        // for the same address on another endpoint and direction must not take the first endpoint's next message.
        StartHistory(Settings(maxAddresses: 2));
        In(Tablet, PeerA, "/a");
        Out("td", null, "/x");
        Out("td", null, "/a");
        In(Tablet, PeerA, "/a");

        TrafficStatsReport stats = Stats();

        Assert.Equal(2, stats.Tracking.AddressesEvicted);
        AddressTraffic tabletIn = stats.TopAddresses.Single(a => a.Endpoint == Tablet);
        Assert.Equal((TrafficDirection.In, "/a", 1L), (tabletIn.Direction, tabletIn.Address, tabletIn.Counts.Messages));
        AddressTraffic tdOut = stats.TopAddresses.Single(a => a.Endpoint == "td");
        Assert.Equal((TrafficDirection.Out, "/a", 1L), (tdOut.Direction, tdOut.Address, tdOut.Counts.Messages));
    }

    [Fact]
    public void Peers_BeyondMaxPeers_EvictTheLeastRecentlyHeard()
    {
        StartHistory(Settings(maxPeers: 2));
        In(Tablet, PeerA, "/x");
        In(Tablet, PeerB, "/x");
        In(Tablet, PeerA, "/x");
        In(Tablet, PeerC, "/x");

        IReadOnlyList<PeerStatus> peers = Peers();

        Assert.Equal([PeerC, PeerA], peers.Select(p => p.Peer));
        Assert.Equal(2, peers[1].Counts.Messages);
        TrafficStatsReport stats = Stats();
        Assert.Equal(1, stats.Tracking.PeersEvicted);
        Assert.Equal(2, stats.Tracking.Peers);
        Assert.True(Logs.Contains(LogLevel.Warning, "10.0.0.8:9000 on endpoint tablet, was evicted"));
    }

    [Fact]
    public void Peers_AreTrackedPerEndpoint_AndOnlyFromWhatIsHeard()
    {
        StartHistory();
        In(Tablet, PeerA, "/x");
        In("desk", PeerA, "/x");
        In("desk", null, "/y");
        Out("td", PeerB, "/z");

        Assert.Equal([("desk", PeerA), (Tablet, PeerA)], Peers().Select(p => (p.Endpoint, p.Peer)));
        Assert.Equal(2, Stats().ActivePeers);
    }

    [Fact]
    public void IncompleteReport_IsCountedAndLogged_AndTheActorKeepsWorking()
    {
        StartHistory();
        History.Tell(new Traffic(null!, TrafficDirection.In, Tablet, PeerA));
        In(Tablet, PeerA, "/x");

        Assert.Equal(1, Stats().TotalRecorded);
        Assert.True(Logs.Contains(LogLevel.Warning, "History ignored a traffic report without a message"));
    }
}
