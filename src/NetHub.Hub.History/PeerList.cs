namespace NetHub.Hub.History;

/// <summary>The answer to <see cref="GetPeers"/>: every tracked peer, most recently heard first.</summary>
public sealed record PeerList(IReadOnlyList<PeerStatus> Peers);
