namespace NetHub.Hub.History;

/// <summary>One tracked peer: first and last heard, traffic, errors, and whether it is silent. Reused when evicted.</summary>
internal sealed class PeerEntry : TrackedEntry<PeerEntry>
{
    public PeerKey Key { get; private set; }

    public TrafficCounter Counter { get; } = new();

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    /// <summary>Monotonic ticks of the last message heard, which silence is judged by.</summary>
    public long LastHeardTicks { get; set; }

    public bool Silent { get; set; }

    public long Errors { get; set; }

    public void Reset(PeerKey key)
    {
        Key = key;
        Counter.Reset();
        Silent = false;
        Errors = 0;
    }

    public PeerStatus Status(long now) => new(Key.Endpoint, Key.Peer, FirstSeen, LastSeen, Silent, Counter.Counts(now), Errors);
}
