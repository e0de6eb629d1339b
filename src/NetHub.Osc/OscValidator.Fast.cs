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
/// position or reason keeps the loops in registers.
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

        int position = OscWire.StringSize(addressLength);
        if (position == length)
        {
            layout = new MessageLayout(addressLength, position, position, position, HasTypeTagString: false);
            return true;
        }

        if (packet[position] != (byte)',')
        {
            return false;
        }

        // The tag string ends at its first NUL, zero-padded; found a word at a time, it says where the data starts, so
        // one pass then checks each tag and walks its data together.
        ReadOnlySpan<uint> words = MemoryMarshal.Cast<byte, uint>(packet);
        int tagStart = position + 1;
        int tagEnd = OscWire.CheckedStringNul(words, position >> 2);
        if (tagEnd < 0 || tagEnd - tagStart > limits.MaxArguments)
        {
            return false;
        }

        int dataStart = (tagEnd + 4) & ~3;
        layout = new MessageLayout(addressLength, tagStart, tagEnd, dataStart, HasTypeTagString: true);
        ReadOnlySpan<byte> classes = TagClasses;
        int data = dataStart;
        int depth = 0;
        for (int i = tagStart; i < tagEnd; i++)
        {
            byte tagClass = classes[packet[i]];
            if ((tagClass & 3) == 0)
            {
                // Fixed sizes: at most 8 past the end before this stops it, so the sum cannot overflow.
                data += tagClass;
                if (data > length)
                {
                    return false;
                }
            }
            else if (tagClass == String)
            {
                if (data >= length)
                {
                    return false;
                }

                int nul = OscWire.CheckedStringNul(words, data >> 2);
                if (nul < 0 || nul - data > limits.MaxStringLength)
                {
                    return false;
                }

                data = (nul + 4) & ~3;
            }
            else if (tagClass == Blob)
            {
                if (length - data < 4)
                {
                    return false;
                }

                int blobLength = BinaryPrimitives.ReadInt32BigEndian(packet[data..]);
                if ((uint)blobLength > (uint)limits.MaxBlobLength || blobLength > length - data - 4
                    || ((blobLength & 3) != 0 && !OscWire.PaddingIsZero(packet, data + 3 + blobLength)))
                {
                    return false;
                }

                data += 4 + OscWire.Pad(blobLength);
            }
            else if (tagClass == Open)
            {
                if (++depth > limits.MaxArrayDepth)
                {
                    return false;
                }
            }
            else if (tagClass != Close || --depth < 0)
            {
                // An unknown tag (a NUL cannot occur before tagEnd), or a ']' without its '['.
                return false;
            }
        }

        return depth == 0 && data == length;
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
