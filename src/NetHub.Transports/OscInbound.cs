using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using Microsoft.Extensions.Logging;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>
/// What happens to every OSC packet an endpoint receives, whatever the transport: validate it against
/// the limits (a bad one is counted by reason, logged with the peer and byte offset, and dropped; the
/// endpoint carries on), count it, record it, then deliver its messages as <see cref="HubMessage"/>s to
/// the node, applying the bundle policy. Safe to call from several receive threads at once. Nothing
/// is decoded into objects unless there is somewhere to deliver it.
/// </summary>
internal sealed partial class OscInbound
{
    private const int MaxScheduled = 10_000;

    private static readonly FrozenDictionary<OscErrorReason, string> ReasonNames =
        Enum.GetValues<OscErrorReason>().ToFrozenDictionary(r => r, r => r.ToString());

    private readonly string _endpoint;
    private readonly MessageSources _sources;
    private readonly AddressStrings _addresses = new();
    private readonly EndpointContext _context;
    private readonly BundleSettings _bundles;
    private readonly OscLimits _limits;
    private readonly EndpointCounters _counters;
    private readonly MessageHistory _history;
    private readonly ILogger _log;
    private readonly LogLimiter _errorLog;
    private readonly HashSet<IDisposable> _scheduled = [];
    private readonly Lock _scheduledLock = new();

    public OscInbound(string endpoint, EndpointContext context, BundleSettings bundles, OscLimits limits, EndpointCounters counters, MessageHistory history, ILogger log)
    {
        _endpoint = endpoint;
        _sources = new MessageSources(context.Node, endpoint);
        _context = context;
        _bundles = bundles;
        _limits = limits;
        _counters = counters;
        _history = history;
        _log = log;
        _errorLog = new LogLimiter(10, TimeSpan.FromMinutes(1), context.Scheduler.Time);
    }

    public OscLimits Limits => _limits;

    /// <summary>Bundles waiting for their time.</summary>
    public int ScheduledCount
    {
        get
        {
            lock (_scheduledLock)
            {
                return _scheduled.Count;
            }
        }
    }

    public void Process(ReadOnlySpan<byte> packet, string? peer, DateTimeOffset now)
    {
        _counters.PacketIn(packet.Length);
        if (!packet.IsEmpty && packet[0] == (byte)'#')
        {
            if (OscBundleReader.TryRead(packet, _limits, out OscBundleReader bundle, out OscError bundleError) != OperationStatus.Done)
            {
                Reject(bundleError, peer);
                return;
            }

            _counters.BundleIn();
            CountMessages(ref bundle);
            _history.Record(MessageDirection.In, packet, peer, now);
            if (_context.Inbound is not null)
            {
                HandleBundle((OscBundle)OscCodec.Decode(packet, _limits), peer, now);
            }

            return;
        }

        if (OscMessageReader.TryRead(packet, _limits, out OscMessageReader reader, out OscError error) != OperationStatus.Done)
        {
            Reject(error, peer);
            return;
        }

        _counters.MessageIn();
        _history.Record(MessageDirection.In, packet, peer, now);
        if (_context.Inbound is not null)
        {
            // Read from the checked packet as it is: no second check, and no OscMessage built only to be unwrapped. A
            // recurring address is the string it was last time.
            string address = _addresses.Of(reader.Address);
            Deliver(address, OscCodec.ReadArguments(ref reader), peer, now, null);
        }
    }

    /// <summary>Cancels bundles still waiting for their time (the endpoint is stopping).</summary>
    public void CancelScheduled()
    {
        lock (_scheduledLock)
        {
            foreach (IDisposable pending in _scheduled)
            {
                pending.Dispose();
            }

            _scheduled.Clear();
        }
    }

    /// <summary>
    /// A problem that is not the packet's bytes (a send failure, a refused client): counted (with the peer it concerns,
    /// when there is one) and logged, rate-limited.
    /// </summary>
    public void Problem(string reason, string detail, string? peer = null)
    {
        _counters.Error(reason, peer);
        if (_errorLog.TryAcquire(out long suppressed))
        {
            TransportsLog.EndpointProblem(_log, _endpoint, detail, Suppressed(suppressed));
        }
    }

    internal static string Suppressed(long count) => count == 0 ? string.Empty : $" ({count} similar suppressed)";

    /// <summary>Counts and logs (rate-limited) a packet or frame that could not be read.</summary>
    public void Reject(OscError error, string? peer)
    {
        _counters.Rejected(ReasonNames[error.Reason], peer);
        if (_errorLog.TryAcquire(out long suppressed))
        {
            TransportsLog.MalformedPacket(_log, _endpoint, peer ?? "unknown peer", error.Describe(), ReasonNames[error.Reason], Suppressed(suppressed));
        }
    }

    private void CountMessages(ref OscBundleReader bundle)
    {
        while (bundle.TryReadNext(out ReadOnlySpan<byte> element, out OscPacketKind kind))
        {
            if (kind == OscPacketKind.Message)
            {
                _counters.MessageIn();
            }
            else if (OscBundleReader.TryRead(element, _limits, out OscBundleReader nested, out _) == OperationStatus.Done)
            {
                CountMessages(ref nested);
            }
        }
    }

    private void Deliver(OscMessage message, string? peer, DateTimeOffset now, OscTimeTag? timeTag) =>
        Deliver(message.Address, message.Arguments, peer, now, timeTag);

    private void Deliver(string address, IReadOnlyList<OscArgument> arguments, string? peer, DateTimeOffset now, OscTimeTag? timeTag) =>
        _context.Inbound!.Tell(HubMessage.Create(now, _sources.Of(peer), address, new OscPayload(arguments), timeTag));
}
