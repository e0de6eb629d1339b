using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.History.Tests;

/// <summary>The per-message parts allocate nothing once warm: the router tells the history every message of the show.</summary>
public sealed class HotPathAllocationTests
{
    [Fact]
    public void SizeCounterAndRing_AllocateNothingPerMessage()
    {
        HubMessage message = HubMessage.Create(
            DateTimeOffset.UnixEpoch,
            new MessageSource("n", "tablet", "10.0.0.7:9000"),
            "/1/fader1",
            new OscPayload(new OscMessage("/1/fader1", OscArgument.Float32(0.5f), OscArgument.String("x"), OscArgument.Array(OscArgument.Int32(1))).Arguments));
        var traffic = new Traffic(message, TrafficDirection.In, "tablet", "10.0.0.7:9000");
        var counter = new TrafficCounter();
        var ring = new HistoryRing(64, 1_000_000);
        long sequence = 0;
        long now = TimeSpan.TicksPerSecond;

        void Run(int count)
        {
            for (int i = 0; i < count; i++)
            {
                int bytes = TrafficSize.Of(message);
                counter.Add(now, bytes);
                ring.Add(traffic, ++sequence, now, bytes);
                now += TimeSpan.TicksPerMillisecond * 33;
            }
        }

        Run(100);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(10_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(64, ring.Count);
        Assert.Equal(10_100, counter.Messages);
    }
}
