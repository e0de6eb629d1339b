namespace NetHub.Hub.History;

/// <summary>
/// A problem with traffic on an endpoint (a malformed packet, a send that failed, a message dropped), told to
/// /user/hub/history so the statistics can show errors by reason, per endpoint and per peer.
/// </summary>
public sealed record TrafficError(string Endpoint, string? Peer, string Reason);
