using NetHub.Actors;
using NetHub.TestKit;

namespace NetHub.Actors.Tests;

public sealed class MpscQueueTests
{
    [Fact]
    public void TryDequeue_OnANewQueue_FindsNothing()
    {
        var queue = new MpscQueue<int>();

        Assert.True(queue.IsEmpty);
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
    }

    [Fact]
    public void Items_ComeOutInTheOrderTheyWentIn_AcrossManyLapsOfOneSegment()
    {
        // Never more than 5 queued: the first segment's slots are reused lap after lap (positions far past its length).
        var queue = new MpscQueue<int>();
        int next = 0;
        for (int i = 0; i < 10_000; i++)
        {
            queue.Enqueue(i);
            if (i % 5 == 4)
            {
                for (int k = 0; k < 5; k++)
                {
                    Assert.True(queue.TryDequeue(out int item));
                    Assert.Equal(next++, item);
                }
            }
        }

        Assert.Equal(10_000, next);
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void AQueueThatOutgrowsItsSegments_KeepsEveryItem_InOrder_AndCountsThem()
    {
        // 100,000 items with no reader: the queue grows through several segments, each twice the last.
        const int Items = 100_000;
        var queue = new MpscQueue<string>();
        for (int i = 0; i < Items; i++)
        {
            queue.Enqueue(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(Items, queue.Count);
        Assert.False(queue.IsEmpty);
        for (int i = 0; i < Items; i++)
        {
            Assert.True(queue.TryDequeue(out string? item));
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), item);
            if (i == Items / 2)
            {
                Assert.Equal(Items - i - 1, queue.Count);
            }
        }

        Assert.False(queue.TryDequeue(out _));
        Assert.True(queue.IsEmpty);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void ItemsWrittenWhileTheReaderDrainsAFullSegment_ComeAfterIt()
    {
        // The reader is part-way through the first segment when a writer finds it full and starts a second: the rest of
        // the first comes out first, then the second's.
        var queue = new MpscQueue<int>();
        for (int i = 0; i < 32; i++)
        {
            queue.Enqueue(i);
        }

        for (int i = 0; i < 10; i++)
        {
            Assert.True(queue.TryDequeue(out int item));
            Assert.Equal(i, item);
        }

        // 10 slots are free again, but the writer laps round the ring: the first 10 go there, then the ring is full.
        for (int i = 32; i < 100; i++)
        {
            queue.Enqueue(i);
        }

        for (int i = 10; i < 100; i++)
        {
            Assert.True(queue.TryDequeue(out int item));
            Assert.Equal(i, item);
        }

        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void AWriterStillHoldingAnOutgrownSegment_CannotWriteThere_EvenWhenTheReaderHasFreedSlots()
    {
        // A writer that read the tail segment just before another writer outgrew it must not put an item there: the
        // reader leaves that segment for good once it is drained, and the item would be lost (or come out of order).
        var queue = new MpscQueue<int>();
        MpscQueue<int>.Segment first = queue.ReaderSegment;
        for (int i = 0; i < 33; i++)
        {
            queue.Enqueue(i);
        }

        for (int i = 0; i < 5; i++)
        {
            Assert.True(queue.TryDequeue(out int item));
            Assert.Equal(i, item);
        }

        Assert.False(first.TryEnqueue(-1));
        for (int i = 5; i < 33; i++)
        {
            Assert.True(queue.TryDequeue(out int item));
            Assert.Equal(i, item);
        }

        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void TakenItems_AreNotKeptAlive_ByTheQueue()
    {
        var queue = new MpscQueue<object>();
        WeakReference taken = EnqueueAndTake(queue);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(taken.IsAlive);
    }

    private static WeakReference EnqueueAndTake(MpscQueue<object> queue)
    {
        var item = new object();
        queue.Enqueue(item);
        Assert.True(queue.TryDequeue(out object? back));
        Assert.Same(item, back);
        return new WeakReference(item);
    }

    [Fact]
    public void FourWritersAndAReaderAtOnce_LoseNothing_AndKeepEachWritersOrder()
    {
        // Writers race each other for slots and for growing the queue, while the reader takes items as they come.
        const int Writers = 4;
        const int PerWriter = 200_000;
        var queue = new MpscQueue<long>();
        using var start = new ManualResetEventSlim();
        Thread[] writers = [.. Enumerable.Range(0, Writers).Select(w => new Thread(() =>
        {
            start.Wait();
            for (long i = 0; i < PerWriter; i++)
            {
                queue.Enqueue(((long)w << 32) | i);
            }
        }) { IsBackground = true })];
        foreach (Thread writer in writers)
        {
            writer.Start();
        }

        start.Set();
        long[] nextOf = new long[Writers];
        int taken = 0;
        DateTime deadline = DateTime.UtcNow + TestTime.DefaultTimeout;
        while (taken < Writers * PerWriter && DateTime.UtcNow < deadline)
        {
            if (!queue.TryDequeue(out long item))
            {
                Thread.Yield();
                continue;
            }

            int writer = (int)(item >> 32);
            Assert.Equal(nextOf[writer], item & 0xFFFF_FFFF);
            nextOf[writer]++;
            taken++;
        }

        Assert.All(writers, writer => Assert.True(writer.Join(TestTime.DefaultTimeout)));
        Assert.Equal(Writers * PerWriter, taken);
        Assert.All(nextOf, next => Assert.Equal(PerWriter, next));
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void IsEmpty_AskedFromAnotherThread_SeesEveryItemQueuedBeforeIt()
    {
        // What a finishing mailbox run relies on: once Enqueue has returned on one thread, IsEmpty on another is false
        // until the item is taken.
        var queue = new MpscQueue<int>();
        for (int round = 0; round < 1_000; round++)
        {
            using var queued = new ManualResetEventSlim();
            bool sawIt = false;
            var asker = new Thread(() =>
            {
                queued.Wait();
                sawIt = !queue.IsEmpty;
            }) { IsBackground = true };
            asker.Start();
            queue.Enqueue(round);
            queued.Set();
            Assert.True(asker.Join(TestTime.DefaultTimeout));
            Assert.True(sawIt, $"round {round}: the queued item was not seen");
            Assert.True(queue.TryDequeue(out int item));
            Assert.Equal(round, item);
        }
    }
}
