namespace NetHub.Hub.History;

/// <summary>
/// A peer the hub has heard from on an endpoint ("10.0.0.7:9000" on "tablet"): when it was first and last heard,
/// what it sent, the errors reported for it, and whether it has gone silent (not heard for
/// <c>nethub.history.peer-inactive-timeout</c>).
/// </summary>
public sealed record PeerStatus(
    string Endpoint,
    string Peer,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    bool Silent,
    TrafficCounts Counts,
    long Errors);
