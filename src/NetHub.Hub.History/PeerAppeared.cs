namespace NetHub.Hub.History;

/// <summary>
/// Published on the event stream when a peer is heard for the first time, or again after it went silent, so the
/// web page and surfaces can show "tablet is back" without polling.
/// </summary>
public sealed record PeerAppeared(string Endpoint, string Peer, DateTimeOffset At);
