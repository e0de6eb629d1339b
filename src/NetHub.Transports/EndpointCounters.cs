using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace NetHub.Transports;

/// <summary>
/// Traffic counters of one endpoint, updated from receive threads and the endpoint actor alike
/// (interlocked; no allocation on the counting path). Errors and drops are also counted by reason,
/// so a technician sees "UnknownTypeTag: 3, LateBundle: 1" rather than a bare total.
/// </summary>
public sealed class EndpointCounters
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _drops = new(StringComparer.Ordinal);
    private long _packetsIn;
    private long _messagesIn;
    private long _bundlesIn;
    private long _bytesIn;
    private long _messagesOut;
    private long _bytesOut;
    private long _errorTotal;
    private long _dropTotal;

    public void PacketIn(int bytes)
    {
        Interlocked.Increment(ref _packetsIn);
        Interlocked.Add(ref _bytesIn, bytes);
    }

    public void MessageIn() => Interlocked.Increment(ref _messagesIn);

    public void BundleIn() => Interlocked.Increment(ref _bundlesIn);

    public void MessageOut(int bytes)
    {
        Interlocked.Increment(ref _messagesOut);
        Interlocked.Add(ref _bytesOut, bytes);
    }

    public void Error(string reason)
    {
        Interlocked.Increment(ref _errorTotal);
        _errors.AddOrUpdate(reason, 1, static (_, n) => n + 1);
    }

    public void Drop(string reason, int count = 1)
    {
        Interlocked.Add(ref _dropTotal, count);
        _drops.AddOrUpdate(reason, static (_, add) => add, static (_, n, add) => n + add, (long)count);
    }

    public CounterSnapshot Snapshot() => new(
        Interlocked.Read(ref _packetsIn),
        Interlocked.Read(ref _messagesIn),
        Interlocked.Read(ref _bundlesIn),
        Interlocked.Read(ref _bytesIn),
        Interlocked.Read(ref _messagesOut),
        Interlocked.Read(ref _bytesOut),
        Interlocked.Read(ref _errorTotal),
        Interlocked.Read(ref _dropTotal),
        _errors.ToFrozenDictionary(StringComparer.Ordinal),
        _drops.ToFrozenDictionary(StringComparer.Ordinal));
}
