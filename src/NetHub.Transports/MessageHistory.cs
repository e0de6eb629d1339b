using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>Turns a recorded packet into the line a technician reads in the history.</summary>
internal delegate string PacketDescriber(ReadOnlySpan<byte> packet);

/// <summary>
/// The last N packets in and out of an endpoint, kept as raw bytes in a ring of reusable buffers so
/// recording costs a copy and no allocation once the buffers have grown; decoding to text happens only
/// when someone looks.
/// </summary>
internal sealed class MessageHistory(int capacity, PacketDescriber describe)
{
    private readonly Slot[] _slots = Enumerable.Range(0, capacity).Select(_ => new Slot()).ToArray();
    private readonly Lock _lock = new();
    private long _next;

    /// <summary>A history of OSC packets, decoded within <paramref name="limits"/> when shown.</summary>
    public MessageHistory(int capacity, OscLimits limits)
        : this(capacity, packet => DescribeOsc(packet, limits))
    {
    }

    public void Record(MessageDirection direction, ReadOnlySpan<byte> packet, string? peer, DateTimeOffset time)
    {
        if (_slots.Length == 0)
        {
            return;
        }

        lock (_lock)
        {
            Slot slot = _slots[(int)(_next++ % _slots.Length)];
            if (slot.Buffer.Length < packet.Length)
            {
                slot.Buffer = new byte[Math.Max(packet.Length, 64)];
            }

            packet.CopyTo(slot.Buffer);
            slot.Length = packet.Length;
            slot.Time = time;
            slot.Direction = direction;
            slot.Peer = peer;
        }
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Snapshot()
    {
        lock (_lock)
        {
            int count = (int)Math.Min(_next, _slots.Length);
            var entries = new List<HistoryEntry>(count);
            for (long i = _next - count; i < _next; i++)
            {
                Slot slot = _slots[(int)(i % _slots.Length)];
                ReadOnlySpan<byte> packet = slot.Buffer.AsSpan(0, slot.Length);
                entries.Add(new HistoryEntry(slot.Time, slot.Direction, slot.Peer, slot.Length, describe(packet)));
            }

            return entries;
        }
    }

    private static string DescribeOsc(ReadOnlySpan<byte> packet, OscLimits limits) =>
        OscCodec.TryDecode(packet, limits, out OscPacket? decoded, out OscError error) == System.Buffers.OperationStatus.Done
            ? Describe(decoded!)
            : $"(invalid: {error.Describe()})";

    private static string Describe(OscPacket packet) => packet switch
    {
        OscBundle bundle => $"#bundle {bundle.TimeTag} [{string.Join("; ", bundle.Elements.Select(Describe))}]",
        _ => packet.ToString()!,
    };

    private sealed class Slot
    {
        public byte[] Buffer { get; set; } = [];

        public int Length { get; set; }

        public DateTimeOffset Time { get; set; }

        public MessageDirection Direction { get; set; }

        public string? Peer { get; set; }
    }
}
