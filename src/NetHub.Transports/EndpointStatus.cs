namespace NetHub.Transports;

/// <summary>
/// What an endpoint is doing: its state in words, the local address it is bound to (if any), its
/// counters, the peers it has seen and its recent traffic. <see cref="Running"/> is false while the endpoint's
/// actor is not there to take messages (restarting after a failure, given up, not answering): what is sent to it
/// then is lost.
/// </summary>
public sealed record EndpointStatus(
    string Name,
    string Type,
    string State,
    string? Local,
    CounterSnapshot Counters,
    IReadOnlyList<PeerInfo> Peers,
    IReadOnlyList<HistoryEntry> History,
    bool Running = true);
