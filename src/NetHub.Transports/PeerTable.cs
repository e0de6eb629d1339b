using System.Net;
using System.Net.Sockets;

namespace NetHub.Transports;

/// <summary>
/// The peers an endpoint has heard from: address, first and last seen, packets and bytes. A UDP
/// receive loop looks a peer up by the raw <see cref="SocketAddress"/> it received into, hashing its
/// bytes, so a known peer costs no allocation. Bounded: at <c>max</c> peers the longest-silent one is
/// forgotten, so a scan from many source ports cannot grow it without limit.
/// </summary>
internal sealed class PeerTable(int max, TimeSpan inactiveTimeout)
{
    private readonly Dictionary<int, PeerEntry> _byHash = [];
    private readonly Lock _lock = new();
    private int _count;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Records a packet from <paramref name="address"/>; returns its entry.</summary>
    public PeerEntry Touch(SocketAddress address, int bytes, DateTimeOffset now)
    {
        ReadOnlySpan<byte> key = address.Buffer.Span[..address.Size];
        var hasher = default(HashCode);
        hasher.AddBytes(key);
        int hash = hasher.ToHashCode();
        lock (_lock)
        {
            for (PeerEntry? e = _byHash.GetValueOrDefault(hash); e is not null; e = e.Next)
            {
                if (e.Raw is not null && e.Raw.Buffer.Span[..e.Raw.Size].SequenceEqual(key))
                {
                    return Update(e, bytes, now);
                }
            }

            var copy = new SocketAddress(address.Family, address.Size);
            key.CopyTo(copy.Buffer.Span);
            var endPoint = (IPEndPoint)new IPEndPoint(address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(copy);
            return Update(Add(new PeerEntry(NetAddress.Format(endPoint), endPoint, copy, now) { Hash = hash }), bytes, now);
        }
    }

    /// <summary>Records traffic from a connected peer (TCP), keyed by its address text.</summary>
    public PeerEntry Touch(IPEndPoint endPoint, int bytes, DateTimeOffset now)
    {
        string text = NetAddress.Format(endPoint);
        int hash = StringComparer.Ordinal.GetHashCode(text);
        lock (_lock)
        {
            for (PeerEntry? e = _byHash.GetValueOrDefault(hash); e is not null; e = e.Next)
            {
                if (e.Raw is null && e.Address == text)
                {
                    return Update(e, bytes, now);
                }
            }

            return Update(Add(new PeerEntry(text, endPoint, null, now) { Hash = hash }), bytes, now);
        }
    }

    public IReadOnlyList<PeerInfo> Snapshot(DateTimeOffset now)
    {
        lock (_lock)
        {
            return [.. All().OrderByDescending(e => e.LastSeen)
                .Select(e => new PeerInfo(e.Address, e.FirstSeen, e.LastSeen, e.Packets, e.Bytes, now - e.LastSeen < inactiveTimeout))];
        }
    }

    private static PeerEntry Update(PeerEntry entry, int bytes, DateTimeOffset now)
    {
        entry.LastSeen = now;
        entry.Packets++;
        entry.Bytes += bytes;
        return entry;
    }

    private PeerEntry Add(PeerEntry entry)
    {
        if (_count >= max)
        {
            Remove(All().MinBy(e => e.LastSeen)!);
        }

        entry.Next = _byHash.GetValueOrDefault(entry.Hash);
        _byHash[entry.Hash] = entry;
        _count++;
        return entry;
    }

    private void Remove(PeerEntry victim)
    {
        PeerEntry? head = _byHash[victim.Hash];
        if (ReferenceEquals(head, victim))
        {
            if (victim.Next is null)
            {
                _byHash.Remove(victim.Hash);
            }
            else
            {
                _byHash[victim.Hash] = victim.Next;
            }
        }
        else
        {
            PeerEntry previous = head!;
            while (!ReferenceEquals(previous.Next, victim))
            {
                previous = previous.Next!;
            }

            previous.Next = victim.Next;
        }

        _count--;
    }

    private IEnumerable<PeerEntry> All()
    {
        foreach (PeerEntry head in _byHash.Values)
        {
            for (PeerEntry? e = head; e is not null; e = e.Next)
            {
                yield return e;
            }
        }
    }
}
