namespace NetHub.Hub.History;

/// <summary>Peer tracking: who is heard on which endpoint, and who went silent.</summary>
public sealed partial class HistoryActor
{
    private readonly Dictionary<PeerKey, PeerEntry> _peers = [];
    private readonly RecencyList<PeerEntry> _peerRecency = new();
    private long _peersEvicted;

    private void HearPeer(PeerKey key, long now, DateTimeOffset at, int bytes) => SeePeer(key, now, at).Counter.Add(now, bytes);

    /// <summary>Notes that <paramref name="key"/>'s peer was heard from at <paramref name="at"/> (a new one appears, a silent one reappears), without counting traffic.</summary>
    private PeerEntry SeePeer(PeerKey key, long now, DateTimeOffset at)
    {
        if (_peers.TryGetValue(key, out PeerEntry? peer))
        {
            _peerRecency.Touch(peer);
            if (peer.Silent)
            {
                peer.Silent = false;
                HistoryLog.PeerReappeared(Log, key.Peer, key.Endpoint, (at - peer.LastSeen).TotalSeconds);
                Context.System.EventStream.Publish(new PeerAppeared(key.Endpoint, key.Peer, at));
            }
        }
        else
        {
            peer = NewPeer(key);
            peer.FirstSeen = at;
            HistoryLog.PeerAppeared(Log, key.Peer, key.Endpoint);
            Context.System.EventStream.Publish(new PeerAppeared(key.Endpoint, key.Peer, at));
        }

        peer.LastHeardTicks = now;
        peer.LastSeen = at;
        return peer;
    }

    private PeerEntry NewPeer(PeerKey key)
    {
        PeerEntry peer;
        if (_peers.Count >= _settings.MaxPeers && _peerRecency.Oldest is { } oldest)
        {
            _peerRecency.Remove(oldest);
            _peers.Remove(oldest.Key);
            if (_peersEvicted++ == 0)
            {
                HistoryLog.PeerEvicted(Log, _settings.MaxPeers, oldest.Key.Peer, oldest.Key.Endpoint);
            }

            peer = oldest;
        }
        else
        {
            peer = new PeerEntry();
        }

        peer.Reset(key);
        _peers.Add(key, peer);
        _peerRecency.AddNewest(peer);
        return peer;
    }

    /// <summary>
    /// Peers are ordered by when they were last heard, so the walk starts at the longest-silent and stops at the
    /// first one heard within the timeout; peers already silent are passed over without a second event.
    /// </summary>
    private void CheckSilence()
    {
        long now = Now();
        long cutoff = now - _settings.PeerInactiveTimeout.Ticks;
        for (PeerEntry? peer = _peerRecency.Oldest; peer is not null && peer.LastHeardTicks <= cutoff; peer = peer.Newer)
        {
            if (peer.Silent)
            {
                continue;
            }

            peer.Silent = true;
            HistoryLog.PeerWentSilent(Log, peer.Key.Peer, peer.Key.Endpoint, TimeSpan.FromTicks(now - peer.LastHeardTicks).TotalSeconds);
            Context.System.EventStream.Publish(new PeerWentSilent(peer.Key.Endpoint, peer.Key.Peer, peer.LastSeen));
        }
    }

    private List<PeerStatus> PeerStatuses(long now)
    {
        var result = new List<PeerStatus>(_peers.Count);
        for (PeerEntry? peer = _peerRecency.Newest; peer is not null; peer = peer.Older)
        {
            result.Add(peer.Status(now));
        }

        return result;
    }

    private int ActivePeers()
    {
        int active = 0;
        foreach (PeerEntry peer in _peers.Values)
        {
            if (!peer.Silent)
            {
                active++;
            }
        }

        return active;
    }
}
