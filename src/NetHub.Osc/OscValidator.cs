using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetHub.Osc;

/// <summary>
/// Checks a whole packet before anyone reads it, so readers can then walk it without a single failure path
/// (OSC 1.0 "OSC Packets", "OSC Messages", "OSC Bundles"; limits from <see cref="OscLimits"/>). Every check
/// looks only inside the span, each loop advances by at least 4 bytes or one tag, and bundle recursion stops at
/// <see cref="OscLimits.MaxBundleDepth"/> (at most 64). Error offsets are shifted by <c>origin</c>, the
/// position of the checked span inside the outermost packet.
/// </summary>
internal static partial class OscValidator
{
    /// <summary>Where a valid message's parts are: <c>TagStart..TagEnd</c> are the tags after ','.</summary>
    internal readonly record struct MessageLayout(int AddressLength, int TagStart, int TagEnd, int DataStart, bool HasTypeTagString);

    /// <summary>
    /// <code>
    /// message = address-string [ ',' tag* NUL-padding argument-data* ]
    /// </code>
    /// A message that ends right after its address has no type tag string (tolerated, OSC 1.0 note on old
    /// senders) and no arguments. Anything else after the address must start with ','.
    /// </summary>
    public static bool TryValidateMessage(ReadOnlySpan<byte> packet, OscLimits limits, int origin, out MessageLayout layout, out OscError error)
    {
        if (IsValidMessage(packet, limits, out layout))
        {
            error = default;
            return true;
        }

        return DiagnoseMessage(packet, limits, origin, out layout, out error);
    }

    /// <summary>The same checks one at a time, for the packet the fast path refused: which one fails, and where.</summary>
    internal static bool DiagnoseMessage(ReadOnlySpan<byte> packet, OscLimits limits, int origin, out MessageLayout layout, out OscError error)
    {
        layout = default;
        error = default;
        if (!TryEnvelope(packet, limits, origin, (byte)'/', ref error)
            || !TryAddress(packet, limits.MaxStringLength, origin, out int addressLength, ref error))
        {
            return false;
        }

        int position = OscWire.StringSize(addressLength);
        if (position == packet.Length)
        {
            layout = new MessageLayout(addressLength, position, position, position, HasTypeTagString: false);
            return true;
        }

        if (packet[position] != (byte)',')
        {
            return Fail(ref error, OscErrorReason.MissingTypeTagString, origin, position, packet[position]);
        }

        int tagStart = position + 1;
        if (!TryTags(packet, tagStart, limits, origin, out int tagCount, ref error))
        {
            return false;
        }

        int dataStart = position + OscWire.StringSize(tagCount + 1);
        int tagsNul = tagStart + tagCount;
        if (!(OscWire.PaddingIsZero(packet, tagsNul) || TryZeroPadding(packet, tagsNul + 1, dataStart, origin, ref error))
            || !TryData(packet, packet.Slice(tagStart, tagCount), dataStart, limits, origin, out int end, ref error))
        {
            return false;
        }

        if (end != packet.Length)
        {
            return Fail(ref error, OscErrorReason.TrailingBytes, origin, end, packet.Length - end);
        }

        layout = new MessageLayout(addressLength, tagStart, tagStart + tagCount, dataStart, HasTypeTagString: true);
        return true;
    }

    /// <summary>What every packet must be: non-empty, within the size limit, whole 4-byte words, the expected first byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryEnvelope(ReadOnlySpan<byte> packet, OscLimits limits, int origin, byte first, ref OscError error)
    {
        int length = packet.Length;
        return ((uint)(length - 1) < (uint)limits.MaxPacketSize && (length & 3) == 0 && packet[0] == first)
            || FailEnvelope(packet, limits, origin, ref error);
    }

    /// <summary>Names what is wrong with a packet <see cref="TryEnvelope"/> refused.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool FailEnvelope(ReadOnlySpan<byte> packet, OscLimits limits, int origin, ref OscError error)
    {
        if (packet.IsEmpty)
        {
            return Fail(ref error, OscErrorReason.Empty, origin, 0);
        }

        if (packet.Length > limits.MaxPacketSize)
        {
            return Fail(ref error, OscErrorReason.PacketTooLarge, origin, 0, packet.Length, limits.MaxPacketSize);
        }

        if ((packet.Length & 3) != 0)
        {
            return Fail(ref error, OscErrorReason.NotMultipleOfFour, origin, packet.Length & ~3, packet.Length);
        }

        bool otherKind = packet[0] is (byte)'/' or (byte)'#';
        return Fail(ref error, otherKind ? OscErrorReason.WrongPacketKind : OscErrorReason.NotAPacket, origin, 0, packet[0]);
    }

    /// <summary>
    /// The address up to its NUL and padding: no control character, space or DEL (UTF-8 above 0x7F passes), within
    /// the string limit. Whole words without such a byte are passed at once; in the word that has one, the first
    /// such byte must be the NUL and the rest of the word zero.
    /// </summary>
    private static bool TryAddress(ReadOnlySpan<byte> packet, int maxLength, int origin, out int length, ref OscError error)
    {
        ReadOnlySpan<uint> words = MemoryMarshal.Cast<byte, uint>(packet);
        for (int k = 0; k < words.Length; k++)
        {
            uint special = OscWire.AddressSpecialBytes(words[k]);
            if (special == 0)
            {
                continue;
            }

            int i = 4 * k;
            if (BitConverter.IsLittleEndian)
            {
                // The lowest flagged byte is the first special one in memory, flagged exactly.
                i += BitOperations.TrailingZeroCount(special) >> 3;
            }
            else
            {
                while (!OscWire.IsForbiddenInAddress(packet[i]))
                {
                    i++;
                }
            }

            length = i;
            if (packet[i] != 0)
            {
                return Fail(ref error, OscErrorReason.BadAddress, origin, i, packet[i]);
            }

            return (length <= maxLength || Fail(ref error, OscErrorReason.StringTooLong, origin, 0, length, maxLength))
                && (OscWire.PaddingIsZero(packet, i) || TryZeroPadding(packet, i + 1, (4 * k) + 4, origin, ref error));
        }

        length = packet.Length;
        return Fail(ref error, OscErrorReason.UnterminatedString, origin, 0);
    }

    /// <summary>
    /// The tags after ',' up to their NUL, in one pass: every tag is one this codec knows (OSC 1.0: otherwise
    /// discard the message), '[' and ']' balance and nest within the limit, the count is within the limit.
    /// </summary>
    private static bool TryTags(ReadOnlySpan<byte> packet, int tagStart, OscLimits limits, int origin, out int count, ref OscError error)
    {
        int depth = 0;
        int outermostOpen = 0;
        int i = tagStart;
        for (; i < packet.Length; i++)
        {
            byte tag = packet[i];
            int size = OscWire.DataSize(tag);
            if (size == 0)
            {
                if (tag == (byte)'[')
                {
                    if (++depth > limits.MaxArrayDepth)
                    {
                        count = i - tagStart;
                        return Fail(ref error, OscErrorReason.ArrayTooDeep, origin, i, depth, limits.MaxArrayDepth);
                    }

                    outermostOpen = depth == 1 ? i : outermostOpen;
                }
                else if (tag == (byte)']' && depth-- == 0)
                {
                    count = i - tagStart;
                    return Fail(ref error, OscErrorReason.UnbalancedArray, origin, i, tag);
                }
            }
            else if (size == OscWire.Unknown)
            {
                if (tag == 0)
                {
                    break;
                }

                count = i - tagStart;
                return Fail(ref error, OscErrorReason.UnknownTypeTag, origin, i, tag);
            }
        }

        count = i - tagStart;
        if (i == packet.Length)
        {
            return Fail(ref error, OscErrorReason.UnterminatedString, origin, tagStart - 1);
        }

        // The type tag string is bounded by the argument limit rather than the string limit.
        if (count > limits.MaxArguments)
        {
            return Fail(ref error, OscErrorReason.TooManyArguments, origin, tagStart + limits.MaxArguments, count, limits.MaxArguments);
        }

        return depth == 0 || Fail(ref error, OscErrorReason.UnbalancedArray, origin, outermostOpen, '[');
    }

    /// <summary>Records the error and returns false, so a failing check reads as one statement.</summary>
    private static bool Fail(ref OscError error, OscErrorReason reason, int origin, int offset, long value = 0, long bound = 0)
    {
        error = new OscError(reason, origin + offset, value) { Bound = bound };
        return false;
    }
}
