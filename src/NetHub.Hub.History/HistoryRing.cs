using System.Buffers;
using System.Text;
using System.Text.Json;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.History;

/// <summary>
/// The last messages, bounded by count and by payload bytes: a fixed array of slots written in a circle. A slot keeps
/// its message as bytes (the address in UTF-8, the payload OSC-encoded or as its text or bytes) in a buffer it reuses,
/// plus the names it was recorded under, which live as long as the show's endpoints and peers. So the ring holds on
/// to no message, payload or argument array: at thousands of messages a second, a young garbage collection finds
/// nothing of the last <c>size</c> messages to copy, which kept it long (and the node's latency tail with it) when the
/// ring kept the reports themselves. Adding allocates nothing once every slot's buffer has grown to its messages;
/// queries rebuild the messages they return. Adding drops from the oldest end until the new entry fits; each entry
/// is dropped once, so that is O(1) amortized.
/// </summary>
internal sealed class HistoryRing
{
    private readonly Slot?[] _slots;
    private readonly long _maxBytes;
    private readonly ArrayBufferWriter<byte> _scratch = new(256);
    private int _next;

    public HistoryRing(int capacity, long maxBytes)
    {
        _slots = new Slot?[capacity];
        _maxBytes = maxBytes;
    }

    public int Count { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Keeps the entry; false when it alone is larger than the byte bound (nothing is dropped then).</summary>
    public bool Add(Traffic traffic, long sequence, long atUtcTicks, int bytes)
    {
        if (bytes > _maxBytes)
        {
            return false;
        }

        while (Count > 0 && (Count == _slots.Length || Bytes + bytes > _maxBytes))
        {
            DropOldest();
        }

        Slot slot = _slots[_next] ??= new Slot();
        slot.Keep(traffic, sequence, atUtcTicks, bytes, _scratch);
        _next = (_next + 1) % _slots.Length;
        Count++;
        Bytes += bytes;
        return true;
    }

    /// <summary>The entry <paramref name="age"/> places back from the newest (0 = newest).</summary>
    public Slot FromNewest(int age) => _slots[(_next - 1 - age + (2 * _slots.Length)) % _slots.Length]!;

    private void DropOldest()
    {
        int oldest = (_next - Count + _slots.Length) % _slots.Length;
        Slot dropped = _slots[oldest]!;
        Bytes -= dropped.Bytes;
        dropped.Forget();
        Count--;
    }

    /// <summary>One kept message: what the queries filter on, and the message as bytes.</summary>
    internal sealed class Slot
    {
        // Kept messages were whole messages in this process: rebuilding them needs no protection beyond the nesting bound.
        private static readonly OscLimits Rebuild = new()
        {
            MaxPacketSize = int.MaxValue, MaxArguments = int.MaxValue, MaxStringLength = int.MaxValue, MaxBlobLength = int.MaxValue,
            MaxArrayDepth = 64,
        };

        private byte[] _buffer = [];
        private HubPayload? _unencodable;
        private int _addressLength;
        private int _payloadLength;
        private PayloadKind _kind;
        private long _id;
        private DateTimeOffset _time;
        private MessageSource? _source;
        private OscTimeTag? _timeTag;

        public long Sequence { get; private set; }

        public long AtUtcTicks { get; private set; }

        public int Bytes { get; private set; }

        public TrafficDirection Direction { get; private set; }

        public string Endpoint { get; private set; } = string.Empty;

        public string? Peer { get; private set; }

        /// <summary>The message's address in UTF-8.</summary>
        public ReadOnlySpan<byte> Address => _buffer.AsSpan(0, _addressLength);

        public void Keep(Traffic traffic, long sequence, long atUtcTicks, int bytes, ArrayBufferWriter<byte> scratch)
        {
            HubMessage message = traffic.Message;
            Sequence = sequence;
            AtUtcTicks = atUtcTicks;
            Bytes = bytes;
            Direction = traffic.Direction;
            Endpoint = traffic.Endpoint;
            Peer = traffic.Peer;
            _id = message.Id;
            _time = message.Time;
            _source = message.Source;
            _timeTag = message.TimeTag;
            _kind = message.Payload.Kind;

            _unencodable = null;
            scratch.ResetWrittenCount();
            int addressLength = (int)Encoding.UTF8.GetBytes(message.Address, scratch);
            switch (message.Payload)
            {
                case OscPayload osc:
                    if (!TryEncode(osc, scratch))
                    {
                        // Arguments OSC cannot carry (nested deeper than it allows): this one message is kept as it is.
                        _unencodable = osc;
                    }

                    break;
                case TextPayload text:
                    Encoding.UTF8.GetBytes(text.Text, scratch);
                    break;
                case JsonPayload json:
                    using (var writer = new Utf8JsonWriter(scratch))
                    {
                        json.Json.WriteTo(writer);
                    }

                    break;
                case BytesPayload raw:
                    scratch.Write(raw.Bytes.Span);
                    break;
            }

            if (_buffer.Length < scratch.WrittenCount)
            {
                _buffer = new byte[Math.Max(scratch.WrittenCount, 64)];
            }

            scratch.WrittenSpan.CopyTo(_buffer);
            _addressLength = addressLength;
            _payloadLength = scratch.WrittenCount - addressLength;
        }

        /// <summary>Lets go of a payload kept as an object (the rare one OSC could not encode) once the entry is dropped.</summary>
        public void Forget() => _unencodable = null;

        /// <summary>The message again, rebuilt from its bytes: equal in address, payload, id, time, source and time tag.</summary>
        public HubMessage Message()
        {
            string address = Encoding.UTF8.GetString(Address);
            ReadOnlySpan<byte> payload = _buffer.AsSpan(_addressLength, _payloadLength);
            HubPayload rebuilt = _unencodable ?? _kind switch
            {
                PayloadKind.Osc => Osc(payload),
                PayloadKind.Text => new TextPayload(Encoding.UTF8.GetString(payload)),
                PayloadKind.Json => Json(payload),
                _ => new BytesPayload(payload.ToArray()),
            };

            return new HubMessage(_id, _time, _source!, address, rebuilt, _timeTag);
        }

        /// <summary>The arguments as an OSC message with the shortest address (the real address is kept before it).</summary>
        private static bool TryEncode(OscPayload osc, ArrayBufferWriter<byte> scratch)
        {
            int written = scratch.WrittenCount;
            try
            {
                OscCodec.WriteMessage(scratch, "/", osc.Arguments);
                return true;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
            {
                // Keep only the address: whatever the encoder wrote before it refused is discarded by the caller's copy.
                scratch.ResetWrittenCount();
                scratch.Advance(written);
                return false;
            }
        }

        private static HubPayload Osc(ReadOnlySpan<byte> encoded) =>
            OscCodec.TryDecode(encoded, Rebuild, out OscPacket? packet, out OscError error) == OperationStatus.Done
                ? new OscPayload(((OscMessage)packet!).Arguments)
                : new TextPayload($"(this message's arguments could not be shown again: {error.Describe()})");

        private static JsonPayload Json(ReadOnlySpan<byte> utf8)
        {
            var reader = new Utf8JsonReader(utf8);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            return new JsonPayload(document.RootElement);
        }
    }
}
