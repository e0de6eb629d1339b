using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace NetHub.Hub.History.Tests;

public sealed class HistoryBufferTests(ITestOutputHelper output) : HistoryTestKit(output)
{
    [Fact]
    public void Ring_Wraps_KeepingTheLastSizeMessagesNewestFirst()
    {
        StartHistory(Settings(size: 5));
        for (int i = 1; i <= 8; i++)
        {
            In(Tablet, PeerA, $"/m/{i}");
        }

        HistoryPage page = Query(new QueryHistory());

        Assert.Equal(["/m/8", "/m/7", "/m/6", "/m/5", "/m/4"], Addresses(page));
        Assert.Equal([8L, 7, 6, 5, 4], Sequences(page));
        Assert.Equal(5, page.Matched);
        Assert.Equal(8, page.TotalRecorded);
    }

    [Fact]
    public void Ring_MaxBytes_DropsTheOldestAndKeepsNoMessageLargerThanTheBound()
    {
        StartHistory(Settings(maxBytes: 30));
        for (int i = 1; i <= 5; i++)
        {
            In(Tablet, PeerA, $"/t/{i}", Text($"/t/{i}", "0123456789"));
        }

        HistoryPage page = Query(new QueryHistory());
        Assert.Equal(["/t/5", "/t/4", "/t/3"], Addresses(page));
        Assert.All(page.Entries, e => Assert.Equal(10, e.Bytes));

        In(Tablet, PeerA, "/t/huge", Text("/t/huge", new string('x', 31)));
        In(Tablet, PeerA, "/t/6", Text("/t/6", "01234"));

        Assert.Equal(["/t/6", "/t/5", "/t/4"], Addresses(Query(new QueryHistory())));
        TrafficStatsReport stats = Stats();
        Assert.Equal(1, stats.Tracking.TooLargeToKeep);
        Assert.Equal(3, stats.Tracking.HistoryEntries);
        Assert.Equal(25, stats.Tracking.HistoryBytes);
        Assert.Equal(7, stats.TotalRecorded);
        Assert.Equal(5 * 10 + 31 + 5, stats.In.Bytes);
        Assert.True(Logs.Contains(LogLevel.Warning, "31-byte message to /t/huge on endpoint tablet is larger than the history's max-bytes (30)"));
    }

    [Fact]
    public void Query_Limit_ReturnsTheNewestAndCountsEveryMatch()
    {
        StartHistory();
        for (int i = 1; i <= 10; i++)
        {
            In(Tablet, PeerA, $"/m/{i}");
        }

        HistoryPage page = Query(new QueryHistory(Limit: 3));

        Assert.Equal(["/m/10", "/m/9", "/m/8"], Addresses(page));
        Assert.Equal(10, page.Matched);
    }

    [Fact]
    public void Record_KeepsTheRecordingTimeDirectionEndpointAndPeer()
    {
        StartHistory();
        Step(TimeSpan.FromSeconds(2));
        Out("td", null, "/mixer/1");

        HistoryRecord record = Assert.Single(Query(new QueryHistory()).Entries);

        Assert.Equal(Start + TimeSpan.FromSeconds(2), record.At);
        Assert.Equal(TrafficDirection.Out, record.Direction);
        Assert.Equal("td", record.Endpoint);
        Assert.Null(record.Peer);
        Assert.Equal(1, record.Sequence);
    }
}
