using System.Runtime.InteropServices;
using NetHub.Actors;
using NetHub.Transports;

namespace NetHub.Hub.History;

/// <summary>
/// /user/hub/history: keeps the last messages that crossed the hub (a ring buffer bounded by count and bytes),
/// traffic statistics per endpoint, address and peer (totals, 1/10/60 s windows, the rhythm of each address,
/// errors by reason), and the peers heard on each endpoint, publishing <see cref="PeerAppeared"/> and
/// <see cref="PeerWentSilent"/> on the event stream. The router tells it every message (<see cref="Traffic"/>),
/// so recording is O(1) and allocates nothing beyond what is stored; queries walk the buffer and may take longer.
/// All time is the actor system's <see cref="TimeProvider"/>: windows, intervals and silence on its monotonic
/// timestamp, the times shown on its UTC clock.
/// </summary>
public sealed partial class HistoryActor : Actor
{
    private readonly HistorySettings _settings;
    private readonly TimeProvider _time;
    private readonly double _ticksPerTimestamp;
    private readonly long _streamGapTicks;
    private readonly HistoryRing _ring;
    private readonly TrafficCounter _in = new();
    private readonly TrafficCounter _out = new();
    private readonly Dictionary<string, EndpointEntry> _endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<AddressKey, AddressEntry> _addresses = [];
    private readonly RecencyList<AddressEntry> _addressRecency = new();
    private long _totalRecorded;
    private long _addressesEvicted;
    private long _tooLargeToKeep;
    private long _incompleteReports;

    // The wall clock and the monotonic clock read together at the first record of a run (see UtcAt); -1 between runs.
    private long _anchorNow = -1;
    private DateTimeOffset _anchorAt;

    public HistoryActor(HistorySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _time = Context.System.Time;
        _ticksPerTimestamp = TimeSpan.TicksPerSecond / (double)_time.TimestampFrequency;
        _streamGapTicks = settings.StreamGap.Ticks;
        _ring = new HistoryRing(settings.Size, settings.MaxBytes);
        Receive<Traffic>(traffic =>
        {
            long now = Now();
            Record(traffic, now, UtcAt(now));
        });
        Receive<TrafficBatch>(RecordAll);
        Receive<TrafficError>(RecordError);
        Receive<QueryHistory>(Query);
        Receive<GetTrafficStats>(Stats);
        Receive<GetPeers>(_ => Sender.Tell(new PeerList(PeerStatuses(Now()))));
        Receive<CheckPeers>(_ => CheckSilence());
    }

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer(CheckPeers.Instance, CheckPeers.Instance, _settings.PeerCheckInterval);
        HistoryLog.Started(Log, _settings.Size, _settings.MaxBytes, _settings.MaxAddresses, _settings.MaxPeers, _settings.PeerInactiveTimeout.TotalSeconds);
    }

    /// <summary>
    /// A router run's reports, all at one reading of the clock: they crossed the router together (often one receive
    /// batch of datagrams), and a clock read per report would cost more than recording it.
    /// </summary>
    private void RecordAll(TrafficBatch batch)
    {
        long now = Now();
        DateTimeOffset at = UtcAt(now);
        for (int i = 0; i < batch.Reports.Count; i++)
        {
            Record(batch.Reports[i], now, at);
        }
    }

    /// <summary>The hot path: one message, O(1), no allocation unless a new address, peer or endpoint is first seen.</summary>
    private void Record(Traffic traffic, long now, DateTimeOffset at)
    {
        if (traffic.Message is null || traffic.Endpoint is null)
        {
            _incompleteReports++;
            HistoryLog.IncompleteReport(Log, traffic.Message is null ? "a message" : "an endpoint");
            return;
        }

        int bytes = TrafficSize.Of(traffic.Message);
        _totalRecorded++;
        if (!_ring.Add(traffic, _totalRecorded, at.UtcTicks, bytes) && _tooLargeToKeep++ == 0)
        {
            HistoryLog.TooLargeToKeep(Log, bytes, traffic.Message.Address, traffic.Endpoint, _settings.MaxBytes);
        }

        EndpointEntry endpoint = Endpoint(traffic.Endpoint);
        if (traffic.Direction == TrafficDirection.In)
        {
            _in.Add(now, bytes);
            endpoint.In.Add(now, bytes);
            if (traffic.Peer is not null)
            {
                HearPeer(new PeerKey(traffic.Endpoint, traffic.Peer), now, at, bytes);
            }
        }
        else
        {
            _out.Add(now, bytes);
            endpoint.Out.Add(now, bytes);
        }

        AddressEntry address = Address(endpoint, traffic);
        address.Counter.Add(now, bytes);
        address.Beat(now, _streamGapTicks);
        address.LastSeen = at;
    }

    private EndpointEntry Endpoint(string name)
    {
        ref EndpointEntry? entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_endpoints, name, out _);
        entry ??= new EndpointEntry(name);
        return entry;
    }

    /// <summary>
    /// The entry of the traffic's address on <paramref name="endpoint"/>. Endpoints hand on one string per recurring
    /// address, so a stream finds the entry its endpoint used last by reference; an entry reused for another key since
    /// (evicted) no longer matches and the table answers.
    /// </summary>
    private AddressEntry Address(EndpointEntry endpoint, Traffic traffic)
    {
        bool into = traffic.Direction == TrafficDirection.In;
        AddressEntry? last = into ? endpoint.LastIn : endpoint.LastOut;
        if (last is not null && ReferenceEquals(last.Key.Address, traffic.Message.Address) && last.Key.Direction == traffic.Direction
            && string.Equals(last.Key.Endpoint, traffic.Endpoint, StringComparison.Ordinal))
        {
            _addressRecency.Touch(last);
            return last;
        }

        AddressEntry entry = Address(new AddressKey(traffic.Endpoint, traffic.Direction, traffic.Message.Address));
        if (into)
        {
            endpoint.LastIn = entry;
        }
        else
        {
            endpoint.LastOut = entry;
        }

        return entry;
    }

    private AddressEntry Address(AddressKey key)
    {
        if (_addresses.TryGetValue(key, out AddressEntry? entry))
        {
            _addressRecency.Touch(entry);
            return entry;
        }

        if (_addresses.Count >= _settings.MaxAddresses && _addressRecency.Oldest is { } oldest)
        {
            _addressRecency.Remove(oldest);
            _addresses.Remove(oldest.Key);
            if (_addressesEvicted++ == 0)
            {
                HistoryLog.AddressEvicted(Log, _settings.MaxAddresses, oldest.Key.Address, oldest.Key.Endpoint);
            }

            entry = oldest;
        }
        else
        {
            entry = new AddressEntry();
        }

        entry.Reset(key);
        _addresses.Add(key, entry);
        _addressRecency.AddNewest(entry);
        return entry;
    }

    /// <summary>
    /// The UTC time of <paramref name="now"/> (a <see cref="Now"/> reading): the wall clock is read once per run of
    /// messages and paired with the monotonic reading of that moment, and each record's time is that pair moved on by
    /// the monotonic time since. A record then reads one clock instead of two: on some virtual machines each read costs
    /// about as much as recording the message. A wall clock set forward or back takes effect from the next run.
    /// </summary>
    private DateTimeOffset UtcAt(long now)
    {
        if (_anchorNow < 0)
        {
            _anchorAt = _time.GetUtcNow();
            _anchorNow = now;
        }

        return _anchorAt.AddTicks(now - _anchorNow);
    }

    protected override void RunCompleted() => _anchorNow = -1;

    /// <summary>The monotonic clock in ticks (100 ns), whatever the provider's timestamp frequency.</summary>
    private long Now()
    {
        long timestamp = _time.GetTimestamp();
        return _time.TimestampFrequency == TimeSpan.TicksPerSecond ? timestamp : (long)(timestamp * _ticksPerTimestamp);
    }

    /// <summary>The periodic timer's message: look for peers that went silent.</summary>
    private sealed class CheckPeers
    {
        public static CheckPeers Instance { get; } = new();
    }
}
