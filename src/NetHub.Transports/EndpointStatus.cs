namespace NetHub.Transports;

/// <summary>
/// What an endpoint is doing: its state in words, the local address it is bound to (if any), its
/// counters, the peers it has seen and its recent traffic.
/// </summary>
public sealed record EndpointStatus(
    string Name,
    string Type,
    string State,
    string? Local,
    CounterSnapshot Counters,
    IReadOnlyList<PeerInfo> Peers,
    IReadOnlyList<HistoryEntry> History);
