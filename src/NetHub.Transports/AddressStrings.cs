using System.Text;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>
/// The address strings of one endpoint's recent messages, so a stream of messages to the same address (a fader, a
/// sensor) shares one string instead of decoding and allocating one per message. A fixed table of
/// <see cref="Slots"/> entries indexed by a hash of the address's bytes; an entry is compared byte for byte on a hit,
/// so a collision only costs a fresh string. Addresses longer than <see cref="MaxCachedLength"/> bytes are decoded
/// every time. Safe from several receive threads at once: entries are immutable and replaced whole.
/// </summary>
internal sealed class AddressStrings
{
    /// <summary>How many different addresses can be remembered at once (a surface's controls, a show's parameters).</summary>
    public const int Slots = 256;

    /// <summary>Longer addresses are not remembered: they are rarely a stream, and comparing them costs more.</summary>
    public const int MaxCachedLength = 96;

    private readonly Entry?[] _entries = new Entry?[Slots];

    /// <summary>The address whose UTF-8 bytes are <paramref name="bytes"/>: the remembered string when it is there.</summary>
    public string Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxCachedLength)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        ref Entry? slot = ref _entries[(int)FastHash.Bytes(bytes) & (Slots - 1)];
        if (Volatile.Read(ref slot) is { } known && bytes.SequenceEqual(known.Bytes))
        {
            return known.Text;
        }

        string text = Encoding.UTF8.GetString(bytes);
        Volatile.Write(ref slot, new Entry(bytes.ToArray(), text));
        return text;
    }

    private sealed class Entry(byte[] bytes, string text)
    {
        public byte[] Bytes { get; } = bytes;

        public string Text { get; } = text;
    }
}
