namespace NetHub.Hub.History;

/// <summary>A peer as tracked: the same host:port on two endpoints is two peers.</summary>
internal readonly record struct PeerKey(string Endpoint, string Peer);
