namespace NetHub.Transports;

/// <summary>A remote peer an endpoint has heard from.</summary>
public sealed record PeerInfo(string Address, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Packets, long Bytes, bool Active);
