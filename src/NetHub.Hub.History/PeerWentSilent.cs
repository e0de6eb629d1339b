namespace NetHub.Hub.History;

/// <summary>
/// Published on the event stream once when a peer has not been heard for <c>nethub.history.peer-inactive-timeout</c>:
/// a tablet that went to sleep, a media server that crashed, a cable pulled.
/// </summary>
public sealed record PeerWentSilent(string Endpoint, string Peer, DateTimeOffset LastSeen);
