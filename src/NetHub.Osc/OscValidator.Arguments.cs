using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace NetHub.Osc;

/// <summary>Argument data of a message (OSC 1.0 "OSC Arguments"): atoms present, strings terminated, blobs sized, padding zero.</summary>
internal static partial class OscValidator
{
    /// <summary>Each tag's data is present, strings are terminated and padded with zeros, blob sizes are sane.</summary>
    private static bool TryData(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> tags, int position, OscLimits limits, int origin, out int end, ref OscError error)
    {
        end = position;
        foreach (byte tag in tags)
        {
            int size = OscWire.DataSize(tag);
            if (size > 0)
            {
                int remaining = packet.Length - end;
                if (remaining < size)
                {
                    return Fail(ref error, OscErrorReason.TruncatedArgument, origin, end, size, remaining);
                }

                end += size;
            }
            else if (size == OscWire.Variable)
            {
                bool ok = tag == (byte)'b'
                    ? TryBlob(packet, end, limits, origin, out end, ref error)
                    : TryString(packet, end, limits.MaxStringLength, origin, out _, out end, ref error);
                if (!ok)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryBlob(ReadOnlySpan<byte> packet, int start, OscLimits limits, int origin, out int next, ref OscError error)
    {
        next = start;
        int remaining = packet.Length - start;
        if (remaining < 4)
        {
            return Fail(ref error, OscErrorReason.TruncatedArgument, origin, start, 4, remaining);
        }

        int length = BinaryPrimitives.ReadInt32BigEndian(packet[start..]);
        if (length < 0)
        {
            return Fail(ref error, OscErrorReason.NegativeSize, origin, start, length);
        }

        if (length > limits.MaxBlobLength)
        {
            return Fail(ref error, OscErrorReason.BlobTooLarge, origin, start, length, limits.MaxBlobLength);
        }

        // Compared before padding is added, so a size near int.MaxValue cannot wrap around.
        if (length > remaining - 4)
        {
            return Fail(ref error, OscErrorReason.TruncatedBlob, origin, start, length, remaining - 4);
        }

        next = start + 4 + OscWire.Pad(length);
        return TryZeroPadding(packet, start + 4 + length, next, origin, ref error);
    }

    /// <summary>An OSC-string at <paramref name="start"/>: bytes, a NUL, zero padding to a multiple of 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryString(ReadOnlySpan<byte> packet, int start, int maxLength, int origin, out int length, out int next, ref OscError error)
    {
        next = start;
        length = OscWire.StringLength(packet, start);
        if (length < 0)
        {
            return Fail(ref error, OscErrorReason.UnterminatedString, origin, start);
        }

        if (length > maxLength)
        {
            return Fail(ref error, OscErrorReason.StringTooLong, origin, start, length, maxLength);
        }

        next = start + OscWire.StringSize(length);
        if (next > packet.Length)
        {
            return Fail(ref error, OscErrorReason.UnterminatedString, origin, start);
        }

        return OscWire.PaddingIsZero(packet, start + length) || TryZeroPadding(packet, start + length + 1, next, origin, ref error);
    }

    /// <summary>Finds the first non-zero padding byte; the word tests above only say whether there is one.</summary>
    private static bool TryZeroPadding(ReadOnlySpan<byte> packet, int from, int to, int origin, ref OscError error)
    {
        for (int i = from; i < to; i++)
        {
            if (packet[i] != 0)
            {
                return Fail(ref error, OscErrorReason.BadPadding, origin, i, packet[i]);
            }
        }

        return true;
    }
}
