namespace NetHub.Hub.History;

/// <summary>
/// The last messages, bounded by count and by payload bytes: a fixed array of slots written in a circle, each slot
/// holding the router's <see cref="Traffic"/> report itself, so adding allocates nothing. Adding drops from the
/// oldest end until the new entry fits; each entry is dropped once, so that is O(1) amortized.
/// </summary>
internal sealed class HistoryRing
{
    private readonly Slot[] _slots;
    private readonly long _maxBytes;
    private int _next;

    public HistoryRing(int capacity, long maxBytes)
    {
        _slots = new Slot[capacity];
        _maxBytes = maxBytes;
    }

    public int Count { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Keeps the entry; false when it alone is larger than the byte bound (nothing is dropped then).</summary>
    public bool Add(Traffic traffic, long sequence, long atUtcTicks, int bytes)
    {
        if (bytes > _maxBytes)
        {
            return false;
        }

        while (Count > 0 && (Count == _slots.Length || Bytes + bytes > _maxBytes))
        {
            DropOldest();
        }

        _slots[_next] = new Slot(traffic, sequence, atUtcTicks, bytes);
        _next = (_next + 1) % _slots.Length;
        Count++;
        Bytes += bytes;
        return true;
    }

    /// <summary>The entry <paramref name="age"/> places back from the newest (0 = newest).</summary>
    public ref readonly Slot FromNewest(int age) => ref _slots[(_next - 1 - age + (2 * _slots.Length)) % _slots.Length];

    private void DropOldest()
    {
        int oldest = (_next - Count + _slots.Length) % _slots.Length;
        Bytes -= _slots[oldest].Bytes;
        _slots[oldest] = default;
        Count--;
    }

    internal readonly record struct Slot(Traffic Traffic, long Sequence, long AtUtcTicks, int Bytes);
}
