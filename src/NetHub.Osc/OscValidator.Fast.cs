using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetHub.Osc;

/// <summary>
/// The fast path: accepts a well-formed packet in one tight pass and says nothing about a bad one. A refusal goes
/// to the diagnosing checks, which have the last word and name the reason, so a packet this path cannot vouch for
/// is never accepted on its say-so and errors cost a second pass only when they happen. Carrying no error
/// position or reason keeps the loops in registers. Positions come from loop counters wherever they can (a
/// string ends after the word its search stops at): with the branches predicted, the walk on to the next part does
/// not wait for loads and bit arithmetic, which then only feed the checks.
/// </summary>
internal static partial class OscValidator
{
    // Tag classes: 0, 4 and 8 are data sizes (the only values with the low two bits clear); the rest name what the
    // tag needs. Every byte has an entry, so the class lookup needs no range check.
    private const byte String = 1;
    private const byte Blob = 2;
    private const byte Open = 3;
    private const byte Close = 5;
    private const byte End = 6;
    private const byte X = 7;
    private const byte S = String;
    private const byte B = Blob;
    private const byte O = Open;
    private const byte C = Close;
    private const byte E = End;

    private static ReadOnlySpan<byte> TagClasses =>
    [
        E, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0x00
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0x10
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0x20
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0x30
        X, X, X, X, X, X, 0, X, X, 0, X, X, X, X, 0, X, // 0x40 F I N
        X, X, X, S, 0, X, X, X, X, X, X, O, X, C, X, X, // 0x50 S T [ ]
        X, X, B, 4, 8, X, 4, X, 8, 4, X, X, X, 4, X, X, // 0x60 b c d f h i m
        X, X, 4, S, 8, X, X, X, X, X, X, X, X, X, X, X, // 0x70 r s t
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0x80
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0x90
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0xA0
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0xB0
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0xC0
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0xD0
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0xE0
        X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, // 0xF0
    ];

    /// <summary>True only for a message <see cref="TryValidateMessage"/> accepts, with the same layout.</summary>
    /// <remarks>
    /// Never inlined: inlined into a caller that is itself inlined (TryRead into a dispatch loop), it spends the
    /// JIT's inlining budget, and then the word helpers in its loops stay calls.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool IsValidMessage(ReadOnlySpan<byte> packet, OscLimits limits, out MessageLayout layout) =>
        IsValidMessageInline(packet, limits, out layout);

    /// <summary><see cref="IsValidMessage"/> for the bundle loop, where a call per element costs more than the checks of a small message.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsValidMessageInline(ReadOnlySpan<byte> packet, OscLimits limits, out MessageLayout layout)
    {
        layout = default;
        int length = packet.Length;
        if ((uint)(length - 1) >= (uint)limits.MaxPacketSize || (length & 3) != 0 || packet[0] != (byte)'/')
        {
            return false;
        }

        int addressLength = AddressLength(packet);
        if ((uint)addressLength > (uint)limits.MaxStringLength)
        {
            return false;
        }

        // The same end as StringSize(addressLength), found again by a word loop whose exit the branch predictor
        // knows, so what follows does not wait for the vector search's bit arithmetic. The address is valid here,
        // so its last word ends in a zero byte and the loop stops inside the packet.
        int position = OscWire.CheckedEnd(MemoryMarshal.Cast<byte, uint>(packet), 0, out _);
        if (position == length)
        {
            layout = new MessageLayout(addressLength, position, position, position, HasTypeTagString: false);
            return true;
        }

        if (packet[position] != (byte)',')
        {
            return false;
        }

        // The tag string ends at its NUL; then one walk over the tags and the data together.
        int tagStart = position + 1;
        int dataStart = OscWire.CheckedStringEnd(MemoryMarshal.Cast<byte, uint>(packet), position >> 2, out int tagEnd);
        if (tagEnd < 0 || tagEnd - tagStart > limits.MaxArguments)
        {
            return false;
        }

        layout = new MessageLayout(addressLength, tagStart, tagEnd, dataStart, HasTypeTagString: true);
        return DataEnd(packet, packet[tagStart..tagEnd], dataStart, limits) == length;
    }

    /// <summary>
    /// Where the data of <paramref name="tags"/> ends, or -1 if a tag is unknown, the arrays do not balance or nest
    /// too deep, or the data does not fit or is malformed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DataEnd(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> tags, int position, OscLimits limits)
    {
        ReadOnlySpan<byte> classes = TagClasses;
        ReadOnlySpan<uint> words = MemoryMarshal.Cast<byte, uint>(packet);
        int length = packet.Length;
        int depth = 0;
        foreach (byte tag in tags)
        {
            byte tagClass = classes[tag];
            if ((tagClass & 3) == 0)
            {
                // Checked at once, so a huge tag string (limits raised far) cannot wrap the position around.
                position += tagClass;
                if (position > length)
                {
                    return -1;
                }
            }
            else if (tagClass == String)
            {
                int end = OscWire.CheckedStringEnd(words, position >> 2, out int nul);
                if (nul < 0 || nul - position > limits.MaxStringLength)
                {
                    return -1;
                }

                position = end;
            }
            else if (tagClass == Blob)
            {
                if (length - position < 4)
                {
                    return -1;
                }

                int blobLength = BinaryPrimitives.ReadInt32BigEndian(packet[position..]);
                if ((uint)blobLength > (uint)limits.MaxBlobLength || blobLength > length - position - 4
                    || ((blobLength & 3) != 0 && !OscWire.PaddingIsZero(packet, position + 3 + blobLength)))
                {
                    return -1;
                }

                position += 4 + OscWire.Pad(blobLength);
            }
            else if (tagClass == Open)
            {
                if (++depth > limits.MaxArrayDepth)
                {
                    return -1;
                }
            }
            else if (tagClass != Close || --depth < 0)
            {
                return -1;
            }
        }

        return depth == 0 ? position : -1;
    }

    /// <summary>Length of a valid address (printable, NUL-terminated, zero-padded), or -1.</summary>
    private static int AddressLength(ReadOnlySpan<byte> packet)
    {
        // 16 bytes per compare while whole vectors fit (the usual address ends within two), then a word at a time.
        int start = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; start <= packet.Length - 16; start += 16)
            {
                Vector128<byte> chunk = Vector128.Create(packet.Slice(start, 16));
                uint special = (Vector128.LessThanOrEqual(chunk, Vector128.Create((byte)0x20))
                    | Vector128.Equals(chunk, Vector128.Create((byte)0x7F))).ExtractMostSignificantBits();
                if (special != 0)
                {
                    int i = start + BitOperations.TrailingZeroCount(special);
                    return packet[i] == 0 && OscWire.PaddingIsZero(packet, i) ? i : -1;
                }
            }
        }

        ReadOnlySpan<uint> words = MemoryMarshal.Cast<byte, uint>(packet);
        for (int k = start >> 2; k < words.Length; k++)
        {
            uint special = OscWire.AddressSpecialBytes(words[k]);
            if (special == 0)
            {
                continue;
            }

            int i = 4 * k;
            if (BitConverter.IsLittleEndian)
            {
                i += BitOperations.TrailingZeroCount(special) >> 3;
            }
            else
            {
                while (!OscWire.IsForbiddenInAddress(packet[i]))
                {
                    i++;
                }
            }

            return packet[i] == 0 && OscWire.PaddingIsZero(packet, i) ? i : -1;
        }

        return -1;
    }

    /// <summary>True only for a bundle <see cref="TryValidateBundle"/> accepts at this depth.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool IsValidBundle(ReadOnlySpan<byte> packet, OscLimits limits, int depth)
    {
        int length = packet.Length;
        if ((uint)(length - 1) >= (uint)limits.MaxPacketSize || (length & 3) != 0 || length < OscWire.BundleHeaderSize
            || depth > limits.MaxBundleDepth || !packet.StartsWith(OscWire.BundleMarker))
        {
            return false;
        }

        int position = OscWire.BundleHeaderSize;
        while (position < length)
        {
            int size = BinaryPrimitives.ReadInt32BigEndian(packet[position..]);
            int start = position + 4;
            if (size <= 0 || (size & 3) != 0 || size > length - start)
            {
                return false;
            }

            ReadOnlySpan<byte> element = packet.Slice(start, size);
            bool valid = element[0] == (byte)'#' ? IsValidBundle(element, limits, depth + 1) : IsValidMessageInline(element, limits, out _);
            if (!valid)
            {
                return false;
            }

            position = start + size;
        }

        return true;
    }
}
