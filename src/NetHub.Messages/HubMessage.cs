using NetHub.Osc;

namespace NetHub.Messages;

/// <summary>
/// The one message model (ARCHITECTURE.md): every endpoint turns what it receives into a HubMessage,
/// and routing, transforms, history and the web page only ever see this. <see cref="Address"/> is an
/// OSC-style path; <see cref="TimeTag"/> is kept when an OSC bundle's time is passed through.
/// </summary>
public sealed class HubMessage
{
    private static long s_lastId;

    // Time and TimeTag are kept in parts, so the message is 72 bytes instead of 80 (each would pad to 16 on its own).
    private readonly long _clockTicks;
    private readonly ulong _timeTag;
    private readonly short _offsetMinutes;
    private readonly bool _hasTimeTag;

    public HubMessage(long id, DateTimeOffset time, MessageSource source, string address, HubPayload payload, OscTimeTag? timeTag = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(payload);
        Id = id;
        _clockTicks = time.Ticks;
        _offsetMinutes = (short)time.TotalOffsetMinutes;
        Source = source;
        Address = address;
        Payload = payload;
        _hasTimeTag = timeTag.HasValue;
        _timeTag = timeTag.GetValueOrDefault().Value;
    }

    /// <summary>A copy of <paramref name="from"/>'s id, times and source: the parts are copied as they are kept.</summary>
    private HubMessage(HubMessage from, string address, HubPayload payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentNullException.ThrowIfNull(payload);
        Id = from.Id;
        _clockTicks = from._clockTicks;
        _offsetMinutes = from._offsetMinutes;
        _hasTimeTag = from._hasTimeTag;
        _timeTag = from._timeTag;
        Source = from.Source;
        Address = address;
        Payload = payload;
    }

    /// <summary>Unique within this process, increasing in creation order.</summary>
    public long Id { get; }

    /// <summary>When it was received (or created).</summary>
    public DateTimeOffset Time => new(_clockTicks, TimeSpan.FromMinutes(_offsetMinutes));

    public MessageSource Source { get; }

    public string Address { get; }

    public HubPayload Payload { get; }

    /// <summary>The OSC bundle time to deliver at, when an endpoint passes bundle times through.</summary>
    public OscTimeTag? TimeTag => _hasTimeTag ? new OscTimeTag(_timeTag) : null;

    public static long NextId() => Interlocked.Increment(ref s_lastId);

    public static HubMessage Create(DateTimeOffset time, MessageSource source, string address, HubPayload payload, OscTimeTag? timeTag = null) =>
        new(NextId(), time, source, address, payload, timeTag);

    public HubMessage WithAddress(string address) => With(address, Payload);

    public HubMessage WithPayload(HubPayload payload) => With(Address, payload);

    /// <summary>This message with another address and payload (what a route sends on): the same id, times, source and bundle time.</summary>
    public HubMessage With(string address, HubPayload payload) => new(this, address, payload);

    public override string ToString() => $"{Address} {PayloadConvert.ToText(Payload)}".TrimEnd();
}
