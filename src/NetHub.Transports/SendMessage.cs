using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>
/// Asks an endpoint to send a message: to <see cref="To"/> (a peer address such as "10.0.0.5:53001", to reply to
/// whoever sent something) or, when null, to the endpoint's own destination (its remote address, or every connected
/// client of a TCP server). A value: a <see cref="SendBatch"/> holds its sends inline, with no object per message;
/// told on its own it is boxed like any other message.
/// <para>
/// What a route sends on is usually the message it took in with another address and arguments. The router does not
/// build a new <see cref="HubMessage"/> for that: a send holds the message it came from (its id, times, source and
/// bundle time) with the <see cref="Address"/> and <see cref="Payload"/> to send instead. An endpoint that writes
/// straight from those (an OSC UDP endpoint) allocates nothing; <see cref="Message"/> builds the whole message for
/// the others. In a batch from the router the payload may be one the batch lends and reuses once it is released
/// (<see cref="SendBatch.Release"/>): <see cref="Message"/> and <see cref="Detach"/> copy it, so what they return can
/// be kept.
/// </para>
/// </summary>
public readonly struct SendMessage : IEquatable<SendMessage>
{
    private readonly HubMessage _message;
    private readonly string? _address;
    private readonly HubPayload? _payload;
    private readonly bool _lent;

    /// <summary>Sends <paramref name="message"/> as it is.</summary>
    public SendMessage(HubMessage message, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _message = message;
        To = to;
    }

    /// <summary>Sends <paramref name="original"/> with <paramref name="address"/> and <paramref name="payload"/> instead of its own.</summary>
    public SendMessage(HubMessage original, string address, HubPayload payload, string? to = null)
        : this(original, address, payload, to, lent: false)
    {
    }

    private SendMessage(HubMessage original, string address, HubPayload payload, string? to, bool lent)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentNullException.ThrowIfNull(payload);
        _message = original;
        _address = address;
        _payload = payload;
        To = to;
        _lent = lent;
    }

    /// <summary>Where to send it instead of the endpoint's own destination: a peer address, or null.</summary>
    public string? To { get; }

    /// <summary>The address to send.</summary>
    public string Address => _address ?? _message.Address;

    /// <summary>The payload to send. A lent one (see the type's summary) is valid until its batch is released.</summary>
    public HubPayload Payload => _payload ?? _message.Payload;

    /// <summary>The OSC bundle time to deliver at, passed through from the message it came from.</summary>
    public OscTimeTag? TimeTag => _message.TimeTag;

    /// <summary>The message this send came from: its id, times and source.</summary>
    public HubMessage Original => _message;

    /// <summary>The whole message to send, as a <see cref="HubMessage"/> that may be kept (built when the send changes the original).</summary>
    public HubMessage Message => _payload is null ? _message : _message.With(_address!, OwnedPayload());

    /// <summary>This send with a payload of its own: one that stays valid after its batch is released.</summary>
    public SendMessage Detach() => _lent ? new SendMessage(_message, _address!, OwnedPayload(), To) : this;

    /// <summary>A send whose payload the caller lends (a <see cref="SendBatch"/>'s), to be copied by whoever keeps it.</summary>
    internal static SendMessage Lent(HubMessage original, string address, OscPayload payload, string? to) =>
        new(original, address, payload, to, lent: true);

    private HubPayload OwnedPayload() =>
        _lent && _payload is OscPayload lent ? new OscPayload(lent.Arguments.ToArray()) : _payload!;

    public bool Equals(SendMessage other) =>
        string.Equals(To, other.To, StringComparison.Ordinal)
        && string.Equals(Address, other.Address, StringComparison.Ordinal)
        && ReferenceEquals(_message, other._message)
        && ReferenceEquals(Payload, other.Payload);

    public override bool Equals(object? obj) => obj is SendMessage other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_message, Address, To);

    public static bool operator ==(SendMessage left, SendMessage right) => left.Equals(right);

    public static bool operator !=(SendMessage left, SendMessage right) => !left.Equals(right);

    public override string ToString() => To is null ? $"send {Address}" : $"send {Address} to {To}";
}
