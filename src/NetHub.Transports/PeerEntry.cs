using System.Net;
using System.Net.Sockets;

namespace NetHub.Transports;

/// <summary>One peer in a <see cref="PeerTable"/>; its display text and address are made once, when first seen.</summary>
internal sealed class PeerEntry(string address, IPEndPoint endPoint, SocketAddress? raw, DateTimeOffset firstSeen)
{
    public string Address { get; } = address;

    public IPEndPoint EndPoint { get; } = endPoint;

    public SocketAddress? Raw { get; } = raw;

    public int Hash { get; init; }

    public DateTimeOffset FirstSeen { get; } = firstSeen;

    public DateTimeOffset LastSeen { get; set; } = firstSeen;

    public long Packets { get; set; }

    public long Bytes { get; set; }

    public PeerEntry? Next { get; set; }
}
