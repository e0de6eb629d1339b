using Microsoft.Extensions.Logging;
using NetHub.Actors;
using NetHub.Messages;

namespace NetHub.Transports;

/// <summary>
/// What happens to every text message a text endpoint receives, whatever the socket: count it, record
/// it, decode it by the endpoint's encoding and deliver it to the node as a <see cref="HubMessage"/> at
/// the endpoint's address. Bad input (invalid UTF-8, a message over max-message) is counted by reason
/// and logged at most 10 times a minute, with the rest summarised. Safe to call from several receive
/// loops at once.
/// </summary>
internal sealed class TextInbound
{
    private readonly string _endpoint;
    private readonly MessageSources _sources;
    private readonly EndpointContext _context;
    private readonly EndpointCounters _counters;
    private readonly MessageHistory _history;
    private readonly ILogger _log;
    private readonly LogLimiter _errorLog;

    public TextInbound(string endpoint, EndpointContext context, string address, TextEncoding encoding, TextFraming framing, int maxMessage, EndpointCounters counters, MessageHistory history, ILogger log)
    {
        _endpoint = endpoint;
        _sources = new MessageSources(context.Node, endpoint);
        _context = context;
        Address = address;
        Encoding = encoding;
        Framing = framing;
        MaxMessage = maxMessage;
        _counters = counters;
        _history = history;
        _log = log;
        _errorLog = new LogLimiter(10, TimeSpan.FromMinutes(1), context.Scheduler.Time);
    }

    public string Address { get; }

    public TextEncoding Encoding { get; }

    public TextFraming Framing { get; }

    public int MaxMessage { get; }

    /// <summary>A framer for one stream or datagram source that delivers through this inbound path.</summary>
    public TextFramer CreateFramer(Func<string?> peer) =>
        new(Framing, MaxMessage, message => Deliver(message, peer(), _context.Scheduler.Time.GetUtcNow()), () => TooLong(peer()));

    public void Deliver(ReadOnlySpan<byte> message, string? peer, DateTimeOffset now)
    {
        _counters.MessageIn();
        _history.Record(MessageDirection.In, message, peer, now);
        if (!TextCodec.TryDecode(message, Encoding, out HubPayload payload))
        {
            _counters.Rejected("InvalidText", peer);
            if (_errorLog.TryAcquire(out long suppressed))
            {
                TransportsLog.InvalidText(_log, _endpoint, message.Length, peer ?? "unknown peer", TextCodec.Name(Encoding), OscInbound.Suppressed(suppressed));
            }
        }

        _context.Inbound?.Tell(HubMessage.Create(now, _sources.Of(peer), Address, payload));
    }

    public void TooLong(string? peer)
    {
        _counters.Rejected("MessageTooLong", peer);
        if (_errorLog.TryAcquire(out long suppressed))
        {
            string hint = Framing switch
            {
                TextFraming.Line => "ends each message with a newline",
                TextFraming.Nul => "ends each message with a zero byte",
                _ => "sends shorter messages",
            };
            TransportsLog.MessageTooLong(_log, _endpoint, peer ?? "unknown peer", MaxMessage, hint, OscInbound.Suppressed(suppressed));
        }
    }

    /// <summary>
    /// A problem that is not the received bytes (a send failure, no destination): counted (with the peer it concerns,
    /// when there is one) and logged, rate-limited.
    /// </summary>
    public void Problem(string reason, string detail, string? peer = null)
    {
        _counters.Error(reason, peer);
        if (_errorLog.TryAcquire(out long suppressed))
        {
            TransportsLog.EndpointProblem(_log, _endpoint, detail, OscInbound.Suppressed(suppressed));
        }
    }

    /// <summary>The bytes to send for <paramref name="message"/>, or null (counted and logged) when its payload cannot be written as text.</summary>
    public byte[]? Encode(HubMessage message, out int length)
    {
        try
        {
            return TextCodec.Encode(message.Payload, Encoding, Framing, out length);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            length = 0;
            _counters.Drop("Unconvertible");
            Problem("Unconvertible", $"cannot send {message.Address} as text: {ex.Message}");
            return null;
        }
    }

    /// <summary>Records a sent message (without its terminator) in the history and counters.</summary>
    public void Sent(byte[] frame, int length, string? peer)
    {
        _counters.MessageOut(frame.Length);
        _history.Record(MessageDirection.Out, frame.AsSpan(0, length), peer, _context.Scheduler.Time.GetUtcNow());
    }
}
