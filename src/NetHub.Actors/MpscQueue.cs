using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetHub.Actors;

/// <summary>
/// An unbounded FIFO queue for many writers and one reader at a time: an actor's mailbox, which any thread tells and
/// only the actor's current run reads. Writers claim a slot with one interlocked compare-exchange (which is also the
/// full fence a mailbox needs between queuing a message and reading its status); the reader takes items with plain
/// loads and stores, where <see cref="System.Collections.Concurrent.ConcurrentQueue{T}"/>, built for many readers,
/// pays a second compare-exchange per item.
/// </summary>
/// <remarks>
/// <para>
/// The items live in segments, each a ring of slots with a sequence number apiece (the scheme of Dmitry Vyukov's
/// bounded queue): a free slot holds the position that will be written to it next, a written one that position plus
/// one. A writer that finds its segment full freezes it (no claim succeeds there afterwards), links a segment twice
/// its size and writes there; the reader finishes the frozen segment before it moves on, so the order of the items is
/// the order of their claims. A queue that never holds more than a segment's worth stays in one segment and
/// allocates nothing.
/// </para>
/// <para>
/// Positions are 64-bit and never wrap in practice; the top bit of a segment's claim counter marks it frozen, so a
/// reader sees the count of claims and the freeze in one read. A slot claimed but not yet written counts as queued
/// (<see cref="IsEmpty"/> is false): the reader waits the few instructions until the writer has written it.
/// </para>
/// <para>
/// <see cref="TryDequeue"/> must not run on two threads at once; the caller makes sure of that (the mailbox's
/// Scheduled bit, or a lock). <see cref="IsEmpty"/> and <see cref="Count"/> may be called from any thread.
/// </para>
/// </remarks>
internal sealed class MpscQueue<T>
{
    private const int InitialSegmentLength = 32;
    private const int MaxSegmentLength = 1024 * 1024;

    private readonly Lock _growLock = new();

    // The reader's segment; only TryDequeue moves it (other threads only read it).
    private volatile Segment _head;

    // The segment writers claim slots in.
    private volatile Segment _tail;

    public MpscQueue()
    {
        _head = _tail = new Segment(InitialSegmentLength);
    }

    /// <summary>No item is queued, counting one a writer has claimed a slot for and is still writing.</summary>
    public bool IsEmpty
    {
        get
        {
            for (Segment? segment = _head; segment is not null; segment = segment.Next)
            {
                if (!segment.IsEmpty)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>How many items are queued: exact when nothing writes or reads meanwhile, an estimate otherwise.</summary>
    public int Count
    {
        get
        {
            long count = 0;
            for (Segment? segment = _head; segment is not null; segment = segment.Next)
            {
                count += segment.Count;
            }

            return (int)Math.Min(count, int.MaxValue);
        }
    }

    /// <summary>The segment the reader takes from (for tests of what a writer still holding it may do).</summary>
    internal Segment ReaderSegment => _head;

    /// <summary>Adds <paramref name="item"/> at the end; safe from any thread. Its claim is a full memory fence.</summary>
    public void Enqueue(T item)
    {
        while (true)
        {
            Segment tail = _tail;
            if (tail.TryEnqueue(item))
            {
                return;
            }

            Grow(tail);
        }
    }

    /// <summary>Takes the first item, if any. One reader at a time.</summary>
    public bool TryDequeue(out T item)
    {
        Segment head = _head;
        while (true)
        {
            if (head.TryDequeue(out item))
            {
                return true;
            }

            if (head.Next is not { } next)
            {
                return false;
            }

            // The segment is frozen (its successor is linked only after the freeze), so no claim can follow the ones
            // already made: look once more, now that its claim count is final, before leaving it for good.
            if (head.TryDequeue(out item))
            {
                return true;
            }

            _head = head = next;
        }
    }

    /// <summary>A writer found <paramref name="full"/> full: freeze it and link a larger segment, unless another writer already has.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(Segment full)
    {
        lock (_growLock)
        {
            if (_tail != full)
            {
                return;
            }

            full.Freeze();
            var next = new Segment(Math.Min(full.Length * 2, MaxSegmentLength));
            full.Next = next;
            _tail = next;
        }
    }

    private struct Slot
    {
        public T Item;

        /// <summary>The position this slot is written at next (free), or that position plus one (written).</summary>
        public long Sequence;
    }

    internal sealed class Segment
    {
        private const long FrozenBit = 1L << 62;

        private readonly Slot[] _slots;
        private readonly int _mask;
        private MpscPositions _positions;

        public Segment(int length)
        {
            _slots = new Slot[length];
            _mask = length - 1;
            for (int i = 0; i < length; i++)
            {
                _slots[i].Sequence = i;
            }
        }

        public int Length => _slots.Length;

        public volatile Segment? Next;

        public bool IsEmpty => Volatile.Read(ref _positions.Read) == (Volatile.Read(ref _positions.Claimed) & ~FrozenBit);

        public long Count => Math.Max(0, (Volatile.Read(ref _positions.Claimed) & ~FrozenBit) - Volatile.Read(ref _positions.Read));

        public bool TryEnqueue(T item)
        {
            Slot[] slots = _slots;
            while (true)
            {
                long tail = Volatile.Read(ref _positions.Claimed);
                ref Slot slot = ref slots[(int)tail & _mask];
                long waiting = Volatile.Read(ref slot.Sequence) - tail;
                if (waiting == 0)
                {
                    // Free for this position; a frozen segment's tail never equals a sequence, so it never gets here.
                    if (Interlocked.CompareExchange(ref _positions.Claimed, tail + 1, tail) == tail)
                    {
                        slot.Item = item;
                        Volatile.Write(ref slot.Sequence, tail + 1);
                        return true;
                    }
                }
                else if (waiting < 0)
                {
                    // The slot still holds the item of the last lap (full), or the segment is frozen.
                    return false;
                }

                // Another writer claimed this position first: try the next.
            }
        }

        public bool TryDequeue(out T item)
        {
            Slot[] slots = _slots;
            long head = _positions.Read;
            ref Slot slot = ref slots[(int)head & _mask];
            SpinWait spinner = default;
            while (Volatile.Read(ref slot.Sequence) != head + 1)
            {
                if ((Volatile.Read(ref _positions.Claimed) & ~FrozenBit) == head)
                {
                    item = default!;
                    return false;
                }

                // Claimed, not yet written: the writer is a few instructions from done.
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            item = slot.Item;
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            {
                slot.Item = default!;
            }

            // Free for the lap after this one.
            Volatile.Write(ref slot.Sequence, head + slots.Length);
            Volatile.Write(ref _positions.Read, head + 1);
            return true;
        }

        public void Freeze() => Interlocked.Or(ref _positions.Claimed, FrozenBit);
    }
}

/// <summary>
/// The two positions of an <see cref="MpscQueue{T}"/> segment, each on a cache line of its own (and away from the fields
/// beside them): with the reader on one core and a writer on another, the reader's stores and the writer's claims would
/// otherwise pull one line back and forth between them.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 3 * CacheLine)]
internal struct MpscPositions
{
    private const int CacheLine = 64;

    /// <summary>The reader's position; written only by the reader, read by anyone for the count.</summary>
    [FieldOffset(CacheLine)]
    public long Read;

    /// <summary>Positions claimed by writers so far, with FrozenBit once no claim may succeed there.</summary>
    [FieldOffset(2 * CacheLine)]
    public long Claimed;
}
