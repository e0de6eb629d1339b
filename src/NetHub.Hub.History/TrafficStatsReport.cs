namespace NetHub.Hub.History;

/// <summary>
/// The answer to <see cref="GetTrafficStats"/>: totals in and out, every endpoint, the busiest addresses by their
/// rate over the last 10 s, every tracked peer (most recently heard first), errors by reason (most frequent
/// first), and what the memory bounds cost: addresses and peers tracked and evicted, history entries and bytes
/// held, messages too large to keep.
/// </summary>
public sealed record TrafficStatsReport(
    DateTimeOffset At,
    long TotalRecorded,
    TrafficCounts In,
    TrafficCounts Out,
    IReadOnlyList<EndpointTraffic> Endpoints,
    IReadOnlyList<AddressTraffic> TopAddresses,
    IReadOnlyList<PeerStatus> Peers,
    int ActivePeers,
    IReadOnlyList<ErrorCount> Errors,
    long TotalErrors,
    TrackingCounts Tracking);
