using NetHub.Osc;
using Xunit.Abstractions;

namespace NetHub.Hub.History.Tests;

public sealed class HistoryQueryTests(ITestOutputHelper output) : HistoryTestKit(output)
{
    /// <summary>
    /// 1 (t+0) tablet in A /1/fader1, 2 (t+1) tablet in B /1/fader2, 3 (t+2) td out /mixer/ch/1/gain,
    /// 4 (t+3) qlab in C /cue/1/go, 5 (t+4) tablet out A /1/fader1.
    /// </summary>
    private void Show()
    {
        StartHistory();
        In(Tablet, PeerA, "/1/fader1");
        Step(TimeSpan.FromSeconds(1));
        In(Tablet, PeerB, "/1/fader2");
        Step(TimeSpan.FromSeconds(1));
        Out("td", null, "/mixer/ch/1/gain");
        Step(TimeSpan.FromSeconds(1));
        In("qlab", PeerC, "/cue/1/go");
        Step(TimeSpan.FromSeconds(1));
        Out(Tablet, PeerA, "/1/fader1");
    }

    [Fact]
    public void TrafficBatch_RecordsEachReportInOrder()
    {
        StartHistory();
        History.Tell(new TrafficBatch([
            new Traffic(Osc("/1/fader1", OscArgument.Float32(0.1f)), TrafficDirection.In, Tablet, PeerA),
            new Traffic(Osc("/mixer/ch/1/gain", OscArgument.Float32(-30f)), TrafficDirection.Out, "td", null),
            new Traffic(Osc("/1/fader2", OscArgument.Float32(0.2f)), TrafficDirection.In, Tablet, PeerB),
        ]));

        HistoryPage page = Query(new QueryHistory());
        Assert.Equal([3L, 2, 1], Sequences(page));
        Assert.Equal(["/1/fader2", "/mixer/ch/1/gain", "/1/fader1"], page.Entries.Select(e => e.Message.Address));
    }

    [Fact]
    public void TrafficBatch_IsRecordedAtTheClockOfItsArrival_AndTheNextAtItsOwn()
    {
        // A batch's reports share one reading of the clock; the time shown follows the clock from batch to batch.
        StartHistory();
        TrafficBatch Batch(string address) => new([
            new Traffic(Osc(address, OscArgument.Float32(0.1f)), TrafficDirection.In, Tablet, PeerA),
            new Traffic(Osc("/mixer/ch/1/gain", OscArgument.Float32(-30f)), TrafficDirection.Out, "td", null),
        ]);

        History.Tell(Batch("/1/fader1"));
        Step(TimeSpan.FromMilliseconds(1500));
        History.Tell(Batch("/1/fader2"));
        Step(TimeSpan.FromSeconds(2));
        In(Tablet, PeerA, "/1/fader3");

        HistoryPage page = Query(new QueryHistory());
        Assert.Equal([3.5, 1.5, 1.5, 0, 0], page.Entries.Select(e => (e.At - Start).TotalSeconds));
    }

    [Fact]
    public void Query_ByEndpoint()
    {
        Show();
        Assert.Equal([5L, 2, 1], Sequences(Query(new QueryHistory(Endpoint: Tablet))));
    }

    [Fact]
    public void Query_ByAddressPattern()
    {
        Show();
        Assert.Equal([5L, 2, 1], Sequences(Query(new QueryHistory(AddressPattern: "/1/fader[0-9]"))));
    }

    [Fact]
    public void Query_ByPathWildcardPattern()
    {
        Show();
        Assert.Equal([3L], Sequences(Query(new QueryHistory(AddressPattern: "//gain"))));
    }

    [Fact]
    public void Query_ByTimeRange_BothEndsInclusive()
    {
        Show();
        Assert.Equal([4L, 3, 2], Sequences(Query(new QueryHistory(From: Start + TimeSpan.FromSeconds(1), To: Start + TimeSpan.FromSeconds(3)))));
        Assert.Equal([5L, 4], Sequences(Query(new QueryHistory(From: Start + TimeSpan.FromSeconds(2.5)))));
        Assert.Equal([1L], Sequences(Query(new QueryHistory(To: Start + TimeSpan.FromSeconds(0.5)))));
    }

    [Fact]
    public void Query_ByPeer()
    {
        Show();
        Assert.Equal([5L, 1], Sequences(Query(new QueryHistory(Peer: PeerA))));
    }

    [Fact]
    public void Query_ByDirection()
    {
        Show();
        Assert.Equal([5L, 3], Sequences(Query(new QueryHistory(Direction: TrafficDirection.Out))));
        Assert.Equal([4L, 2, 1], Sequences(Query(new QueryHistory(Direction: TrafficDirection.In))));
    }

    [Fact]
    public void Query_FiltersCombine()
    {
        Show();
        HistoryPage page = Query(new QueryHistory(Endpoint: Tablet, AddressPattern: "/1/*", Direction: TrafficDirection.In));
        Assert.Equal([2L, 1], Sequences(page));

        page = Query(new QueryHistory(Endpoint: Tablet, AddressPattern: "/1/*", From: Start + TimeSpan.FromSeconds(1), Peer: PeerA));
        Assert.Equal([5L], Sequences(page));

        page = Query(new QueryHistory(Endpoint: Tablet, Direction: TrafficDirection.In, Limit: 1));
        Assert.Equal([2L], Sequences(page));
        Assert.Equal(2, page.Matched);
        Assert.Equal(5, page.TotalRecorded);
    }

    [Fact]
    public void Query_NothingMatches_AnswersAnEmptyPage()
    {
        Show();
        HistoryPage page = Query(new QueryHistory(Endpoint: "nowhere"));
        Assert.Empty(page.Entries);
        Assert.Equal(0, page.Matched);
    }

    [Fact]
    public void Query_BadPattern_AnswersWithTheReason()
    {
        Show();
        HistoryQueryFailed failed = QueryFails(new QueryHistory(AddressPattern: "/1/fader[0-9"));
        Assert.Contains("\"/1/fader[0-9\" is not a valid OSC address pattern", failed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(QueryHistory.MaxLimit + 1)]
    public void Query_BadLimit_AnswersWithTheRange(int limit)
    {
        Show();
        Assert.Contains($"limit must be from 1 to {QueryHistory.MaxLimit}", QueryFails(new QueryHistory(Limit: limit)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_FromAfterTo_IsRefused()
    {
        Show();
        Assert.Contains("is after", QueryFails(new QueryHistory(From: Start + TimeSpan.FromSeconds(3), To: Start)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_BadTop_IsRefused()
    {
        Show();
        Assert.Contains("top must be from 0", QueryFails(new GetTrafficStats(-1)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_AfterARefusal_StillAnswers()
    {
        Show();
        QueryFails(new QueryHistory(AddressPattern: "fader"));
        Assert.Equal(5, Query(new QueryHistory()).Matched);
    }
}
