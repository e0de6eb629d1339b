using System.Buffers.Binary;

namespace NetHub.Osc;

internal static partial class OscValidator
{
    /// <summary>
    /// <code>
    /// bundle  = "#bundle" NUL timetag element*
    /// element = int32 size (positive, a multiple of 4, within the bundle), message-or-bundle of that size
    /// </code>
    /// (OSC 1.0 "OSC Bundles"). Each element is checked by its first byte; nested bundles recurse with
    /// <paramref name="depth"/> + 1, which <see cref="OscLimits.MaxBundleDepth"/> bounds.
    /// </summary>
    public static bool TryValidateBundle(ReadOnlySpan<byte> packet, OscLimits limits, int origin, int depth, out OscError error)
    {
        error = default;
        return IsValidBundle(packet, limits, depth) || DiagnoseBundle(packet, limits, origin, depth, ref error);
    }

    internal static bool DiagnoseBundle(ReadOnlySpan<byte> packet, OscLimits limits, int origin, int depth, ref OscError error)
    {
        if (!TryEnvelope(packet, limits, origin, (byte)'#', ref error))
        {
            return false;
        }

        if (depth > limits.MaxBundleDepth)
        {
            return Fail(ref error, OscErrorReason.BundleTooDeep, origin, 0, depth, limits.MaxBundleDepth);
        }

        if (packet.Length < OscWire.BundleHeaderSize || !packet.StartsWith(OscWire.BundleMarker))
        {
            int matching = packet.CommonPrefixLength(OscWire.BundleMarker);
            return Fail(ref error, OscErrorReason.BadBundleHeader, origin, matching < OscWire.BundleMarker.Length ? matching : packet.Length);
        }

        int position = OscWire.BundleHeaderSize;
        while (position < packet.Length)
        {
            int remaining = packet.Length - position - 4;
            if (remaining < 0)
            {
                return Fail(ref error, OscErrorReason.TruncatedBundle, origin, position, 4, remaining + 4);
            }

            int size = BinaryPrimitives.ReadInt32BigEndian(packet[position..]);
            if (size <= 0 || (size & 3) != 0)
            {
                return Fail(ref error, OscErrorReason.BadElementSize, origin, position, size);
            }

            if (size > remaining)
            {
                return Fail(ref error, OscErrorReason.TruncatedBundle, origin, position, size, remaining);
            }

            int start = position + 4;
            ReadOnlySpan<byte> element = packet.Slice(start, size);
            bool ok = element[0] switch
            {
                (byte)'/' => TryValidateMessage(element, limits, origin + start, out _, out error),
                (byte)'#' => TryValidateBundle(element, limits, origin + start, depth + 1, out error),
                _ => Fail(ref error, OscErrorReason.NotAPacket, origin, start, element[0]),
            };
            if (!ok)
            {
                return false;
            }

            position = start + size;
        }

        return true;
    }
}
