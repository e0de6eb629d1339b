namespace NetHub.Hub.History;

/// <summary>
/// Statistics of one <see cref="AddressKey"/>: counts, windows, last seen, and the intervals between its messages
/// (pauses longer than the stream gap left out). Reused for a new key when evicted.
/// </summary>
internal sealed class AddressEntry : TrackedEntry<AddressEntry>
{
    public AddressKey Key { get; private set; }

    public TrafficCounter Counter { get; } = new();

    public DateTimeOffset LastSeen { get; set; }

    private long _lastTicks = -1;
    private long _intervals;
    private long _intervalSum;
    private long _intervalMin;
    private long _intervalMax;

    public void Reset(AddressKey key)
    {
        Key = key;
        Counter.Reset();
        _lastTicks = -1;
        _intervals = 0;
        _intervalSum = 0;
        _intervalMin = 0;
        _intervalMax = 0;
    }

    /// <summary>Notes a message at <paramref name="now"/> (monotonic ticks) for the rhythm.</summary>
    public void Beat(long now, long gapTicks)
    {
        if (_lastTicks >= 0)
        {
            long interval = now - _lastTicks;
            if (interval <= gapTicks)
            {
                _intervalMin = _intervals == 0 ? interval : Math.Min(_intervalMin, interval);
                _intervalMax = _intervals == 0 ? interval : Math.Max(_intervalMax, interval);
                _intervalSum += interval;
                _intervals++;
            }
        }

        _lastTicks = now;
    }

    public MessageIntervals Intervals() => _intervals == 0
        ? MessageIntervals.None
        : new MessageIntervals(
            _intervals,
            TimeSpan.FromTicks(_intervalSum / _intervals),
            TimeSpan.FromTicks(_intervalMin),
            TimeSpan.FromTicks(_intervalMax));
}
