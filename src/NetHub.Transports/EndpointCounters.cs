using System.Collections.Concurrent;
using System.Collections.Frozen;
using NetHub.Actors;

namespace NetHub.Transports;

/// <summary>
/// Traffic counters of one endpoint, updated from receive threads and the endpoint actor alike
/// (interlocked; no allocation on the counting path). Errors and drops are also counted by reason,
/// so a technician sees "UnknownTypeTag: 3, LateBundle: 1" rather than a bare total. Each error is also told, with
/// its peer, to the node's error sink (<see cref="EndpointContext.Errors"/>) for the traffic statistics.
/// </summary>
public sealed class EndpointCounters
{
    private readonly string _endpoint;
    private readonly IActorRef? _reports;

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

    /// <summary>Counters that only count.</summary>
    public EndpointCounters()
        : this(string.Empty, null)
    {
    }

    /// <summary>Counters of <paramref name="endpoint"/> that also tell <paramref name="reports"/> of each error.</summary>
    public EndpointCounters(string endpoint, IActorRef? reports)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _reports = reports;
    }

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

    /// <summary>Counts an error by <paramref name="reason"/>, and reports it with <paramref name="peer"/> (where it came from or was going) when known.</summary>
    public void Error(string reason, string? peer = null)
    {
        Interlocked.Increment(ref _errorTotal);
        _errors.AddOrUpdate(reason, 1, static (_, n) => n + 1);
        _reports?.Tell(new TrafficError(_endpoint, peer, reason));
    }

    /// <summary>Counts an error in what <paramref name="peer"/> sent (a packet or text that cannot be read, a refused connection) and reports it as received from that peer.</summary>
    public void Rejected(string reason, string? peer)
    {
        Interlocked.Increment(ref _errorTotal);
        _errors.AddOrUpdate(reason, 1, static (_, n) => n + 1);
        _reports?.Tell(new TrafficError(_endpoint, peer, reason, Received: peer is not null));
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
