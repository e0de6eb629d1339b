using NetHub.Osc;

namespace NetHub.Transports.Tests;

public sealed class MessageHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeepsTheLastN_OldestFirst_DecodedForReading()
    {
        var history = new MessageHistory(3, OscLimits.Default);
        for (int i = 1; i <= 5; i++)
        {
            history.Record(MessageDirection.In, OscCodec.Encode(new OscMessage($"/m/{i}", OscArgument.Float32(i / 10f))), "peer", T0.AddSeconds(i));
        }

        IReadOnlyList<HistoryEntry> entries = history.Snapshot();
        Assert.Equal(["/m/3 f 0.300000", "/m/4 f 0.400000", "/m/5 f 0.500000"], entries.Select(e => e.Text));
        Assert.Equal(T0.AddSeconds(3), entries[0].Time);
    }

    [Fact]
    public void RecordsBundlesAndInvalidPacketsReadably()
    {
        var history = new MessageHistory(2, OscLimits.Default);
        history.Record(MessageDirection.Out, OscCodec.Encode(new OscBundle(OscTimeTag.Immediately, new OscMessage("/a"))), "10.0.0.5:9000", T0);
        history.Record(MessageDirection.In, "oops"u8, null, T0);

        IReadOnlyList<HistoryEntry> entries = history.Snapshot();
        Assert.Equal("#bundle 00000000.00000001 [/a ]", entries[0].Text);
        Assert.Equal(MessageDirection.Out, entries[0].Direction);
        Assert.StartsWith("(invalid: ", entries[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Recording_AfterWarmUp_AllocatesNothing()
    {
        var history = new MessageHistory(4, OscLimits.Default);
        byte[] packet = OscCodec.Encode(new OscMessage("/fader/1", OscArgument.Float32(0.5f)));
        for (int i = 0; i < 8; i++)
        {
            history.Record(MessageDirection.In, packet, "peer", T0);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            history.Record(MessageDirection.In, packet, "peer", T0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ZeroCapacity_KeepsNothing()
    {
        var history = new MessageHistory(0, OscLimits.Default);
        history.Record(MessageDirection.In, "/a\0\0"u8, null, T0);
        Assert.Empty(history.Snapshot());
    }
}
