namespace NetHub.Hub.History;

/// <summary>
/// Messages and bytes of one thing (an endpoint, an address, a peer): totals, and sliding windows of the last 1 s
/// (ten 100 ms buckets) and the last 10 s and 60 s (one ring of sixty 1 s buckets with a running sum for each
/// window). Buckets are numbered from the monotonic clock, so a bucket is reused by zeroing it when the clock
/// reaches it again: recording is O(1) amortized (a roll zeroes at most the whole ring once) and allocates nothing.
/// </summary>
internal sealed class TrafficCounter
{
    private const int FineCount = 10;
    private const long FineWidth = TimeSpan.TicksPerSecond / FineCount;
    private const int CoarseCount = 60;
    private const int ShortCount = 10;
    private const long CoarseWidth = TimeSpan.TicksPerSecond;
    private const long Never = -1_000_000;

    private readonly long[] _fineMessages = new long[FineCount];
    private readonly long[] _fineBytes = new long[FineCount];
    private readonly long[] _coarseMessages = new long[CoarseCount];
    private readonly long[] _coarseBytes = new long[CoarseCount];
    private long _fineHead = Never;
    private long _coarseHead = Never;
    private long _messages1s;
    private long _bytes1s;
    private long _messages10s;
    private long _bytes10s;
    private long _messages60s;
    private long _bytes60s;

    public long Messages { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Counts one message of <paramref name="bytes"/> at <paramref name="now"/> (monotonic ticks).</summary>
    public void Add(long now, int bytes)
    {
        Roll(now);
        Messages++;
        Bytes += bytes;
        int fine = (int)(_fineHead % FineCount);
        _fineMessages[fine]++;
        _fineBytes[fine] += bytes;
        _messages1s++;
        _bytes1s += bytes;
        int coarse = (int)(_coarseHead % CoarseCount);
        _coarseMessages[coarse]++;
        _coarseBytes[coarse] += bytes;
        _messages10s++;
        _bytes10s += bytes;
        _messages60s++;
        _bytes60s += bytes;
    }

    /// <summary>The windows as they stand at <paramref name="now"/>.</summary>
    public TrafficWindow Window(long now)
    {
        Roll(now);
        return new TrafficWindow(_messages1s, _messages10s, _messages60s, _bytes1s, _bytes10s, _bytes60s);
    }

    /// <summary>Messages in the last 10 s at <paramref name="now"/>, without building a window.</summary>
    public long Messages10s(long now)
    {
        Roll(now);
        return _messages10s;
    }

    public TrafficCounts Counts(long now) => new(Messages, Bytes, Window(now));

    /// <summary>Forgets everything, so an evicted entry can be reused for a new key.</summary>
    public void Reset()
    {
        Array.Clear(_fineMessages);
        Array.Clear(_fineBytes);
        Array.Clear(_coarseMessages);
        Array.Clear(_coarseBytes);
        _fineHead = Never;
        _coarseHead = Never;
        _messages1s = _bytes1s = _messages10s = _bytes10s = _messages60s = _bytes60s = 0;
        Messages = 0;
        Bytes = 0;
    }

    private void Roll(long now)
    {
        long fine = now / FineWidth;
        long steps = fine - _fineHead;
        if (steps >= FineCount)
        {
            Array.Clear(_fineMessages);
            Array.Clear(_fineBytes);
            _messages1s = 0;
            _bytes1s = 0;
        }
        else
        {
            for (long i = 1; i <= steps; i++)
            {
                int slot = (int)((_fineHead + i) % FineCount);
                _messages1s -= _fineMessages[slot];
                _bytes1s -= _fineBytes[slot];
                _fineMessages[slot] = 0;
                _fineBytes[slot] = 0;
            }
        }

        if (steps > 0)
        {
            _fineHead = fine;
        }

        long coarse = now / CoarseWidth;
        steps = coarse - _coarseHead;
        if (steps >= CoarseCount)
        {
            Array.Clear(_coarseMessages);
            Array.Clear(_coarseBytes);
            _messages10s = _bytes10s = _messages60s = _bytes60s = 0;
        }
        else
        {
            for (long i = 1; i <= steps; i++)
            {
                long index = _coarseHead + i;
                int leavingShort = (int)((index - ShortCount + CoarseCount) % CoarseCount);
                _messages10s -= _coarseMessages[leavingShort];
                _bytes10s -= _coarseBytes[leavingShort];
                int slot = (int)(index % CoarseCount);
                _messages60s -= _coarseMessages[slot];
                _bytes60s -= _coarseBytes[slot];
                _coarseMessages[slot] = 0;
                _coarseBytes[slot] = 0;
            }
        }

        if (steps > 0)
        {
            _coarseHead = coarse;
        }
    }
}
