using NetHub.Transports;

namespace NetHub.Hub.History;

/// <summary>Errors by reason and the statistics report.</summary>
public sealed partial class HistoryActor
{
    private const string OtherReason = "other";

    private readonly Dictionary<ErrorKey, ErrorEntry> _errors = [];
    private long _totalErrors;
    private long _errorReasonsFolded;

    private void RecordError(TrafficError error)
    {
        if (error.Endpoint is null || error.Reason is null)
        {
            _incompleteReports++;
            HistoryLog.IncompleteReport(Log, error.Endpoint is null ? "an endpoint (in a traffic error)" : "a reason (in a traffic error)");
            return;
        }

        DateTimeOffset at = _time.GetUtcNow();
        _totalErrors++;
        Endpoint(error.Endpoint).Errors++;
        if (error.Peer is not null)
        {
            var peerKey = new PeerKey(error.Endpoint, error.Peer);
            if (error.Received)
            {
                SeePeer(peerKey, Now(), at).Errors++;
            }
            else if (_peers.TryGetValue(peerKey, out PeerEntry? peer))
            {
                peer.Errors++;
            }
        }

        var key = new ErrorKey(error.Endpoint, error.Reason);
        if (!_errors.TryGetValue(key, out ErrorEntry? entry))
        {
            if (_errors.Count >= _settings.MaxErrorReasons)
            {
                if (_errorReasonsFolded++ == 0)
                {
                    HistoryLog.ErrorReasonsFull(Log, _settings.MaxErrorReasons, error.Reason, error.Endpoint);
                }

                key = new ErrorKey(error.Endpoint, OtherReason);
            }
            else
            {
                HistoryLog.FirstError(Log, error.Endpoint, error.Reason, error.Peer ?? "no peer");
            }

            if (!_errors.TryGetValue(key, out entry))
            {
                entry = new ErrorEntry();
                _errors.Add(key, entry);
            }
        }

        entry.Count++;
        entry.LastPeer = error.Peer;
        entry.LastAt = at;
    }

    private void Stats(GetTrafficStats request)
    {
        if (request.Top < 0 || request.Top > GetTrafficStats.MaxTop)
        {
            Refuse($"top must be from 0 to {GetTrafficStats.MaxTop}, not {request.Top}");
            return;
        }

        long now = Now();
        var endpoints = new List<EndpointTraffic>(_endpoints.Count);
        foreach (EndpointEntry endpoint in _endpoints.Values)
        {
            endpoints.Add(endpoint.Traffic(now));
        }

        endpoints.Sort((a, b) => string.CompareOrdinal(a.Endpoint, b.Endpoint));

        var errors = new List<ErrorCount>(_errors.Count);
        foreach ((ErrorKey key, ErrorEntry entry) in _errors)
        {
            errors.Add(new ErrorCount(key.Endpoint, key.Reason, entry.Count, entry.LastPeer, entry.LastAt));
        }

        errors.Sort((a, b) => a.Count != b.Count
            ? b.Count.CompareTo(a.Count)
            : string.CompareOrdinal(a.Endpoint, b.Endpoint) is int byEndpoint and not 0 ? byEndpoint : string.CompareOrdinal(a.Reason, b.Reason));

        Sender.Tell(new TrafficStatsReport(
            _time.GetUtcNow(),
            _totalRecorded,
            _in.Counts(now),
            _out.Counts(now),
            endpoints,
            TopAddresses(request.Top, now),
            PeerStatuses(now),
            ActivePeers(),
            errors,
            _totalErrors,
            new TrackingCounts(
                _addresses.Count,
                _addressesEvicted,
                _peers.Count,
                _peersEvicted,
                _errors.Count,
                _errorReasonsFolded,
                _ring.Count,
                _ring.Bytes,
                _tooLargeToKeep)));
    }

    /// <summary>The <paramref name="top"/> busiest addresses by messages in the last 10 s; ties go to the larger total, then by name.</summary>
    private List<AddressTraffic> TopAddresses(int top, long now)
    {
        var ranked = new List<(long Recent, AddressEntry Entry)>(_addresses.Count);
        foreach (AddressEntry entry in _addresses.Values)
        {
            ranked.Add((entry.Counter.Messages10s(now), entry));
        }

        ranked.Sort(static (a, b) =>
        {
            int order = b.Recent.CompareTo(a.Recent);
            if (order == 0)
            {
                order = b.Entry.Counter.Messages.CompareTo(a.Entry.Counter.Messages);
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(a.Entry.Key.Endpoint, b.Entry.Key.Endpoint);
            }

            return order != 0 ? order : string.CompareOrdinal(a.Entry.Key.Address, b.Entry.Key.Address);
        });

        int count = Math.Min(top, ranked.Count);
        var result = new List<AddressTraffic>(count);
        for (int i = 0; i < count; i++)
        {
            AddressEntry entry = ranked[i].Entry;
            result.Add(new AddressTraffic(entry.Key.Endpoint, entry.Key.Direction, entry.Key.Address, entry.Counter.Counts(now), entry.LastSeen, entry.Intervals()));
        }

        return result;
    }

    private void Refuse(string reason)
    {
        HistoryLog.QueryRefused(Log, reason);
        Sender.Tell(new HistoryQueryFailed(reason));
    }
}
