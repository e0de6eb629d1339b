using System.Buffers;
using System.Buffers.Binary;

namespace NetHub.Osc;

/// <summary>
/// Reads one OSC bundle (OSC 1.0 "OSC Bundles") straight from its bytes without allocating. <see cref="TryRead"/>
/// checks the whole packet first, nested bundles and their messages included, so walking the elements afterwards
/// cannot fail. Elements are handed out as slices (to read with <see cref="OscMessageReader"/> or another
/// <see cref="OscBundleReader"/>) or, without a second check, as ready readers.
/// </summary>
public ref struct OscBundleReader
{
    private readonly ReadOnlySpan<byte> _packet;
    private int _position;

    private OscBundleReader(ReadOnlySpan<byte> packet)
    {
        _packet = packet;
        _position = OscWire.BundleHeaderSize;
        TimeTag = new OscTimeTag(BinaryPrimitives.ReadUInt64BigEndian(packet[8..]));
    }

    public readonly OscTimeTag TimeTag { get; }

    /// <summary>
    /// Checks <paramref name="packet"/> as a bundle (depth 1) and positions the reader before its first element.
    /// Returns <see cref="OperationStatus.Done"/> or <see cref="OperationStatus.InvalidData"/>. Never throws.
    /// </summary>
    public static OperationStatus TryRead(ReadOnlySpan<byte> packet, OscLimits limits, out OscBundleReader reader, out OscError error)
    {
        limits ??= OscLimits.Default;
        if (OscValidator.TryValidateBundle(packet, limits, 0, 1, out error))
        {
            reader = new OscBundleReader(packet);
            return OperationStatus.Done;
        }

        reader = default;
        return OperationStatus.InvalidData;
    }

    /// <summary>The next element's bytes (without its size field) and kind, or false after the last one.</summary>
    public bool TryReadNext(out ReadOnlySpan<byte> element, out OscPacketKind kind)
    {
        if (_position >= _packet.Length)
        {
            element = default;
            kind = default;
            return false;
        }

        int size = BinaryPrimitives.ReadInt32BigEndian(_packet[_position..]);
        element = _packet.Slice(_position + 4, size);
        kind = element[0] == (byte)'#' ? OscPacketKind.Bundle : OscPacketKind.Message;
        _position += 4 + size;
        return true;
    }

    /// <summary>
    /// The next element as a reader, without checking it again: <see cref="TryRead"/> has checked the whole bundle,
    /// so a message element gets <paramref name="message"/> and a nested bundle <paramref name="bundle"/>, ready to
    /// walk (the other is default). This saves the second pass that <see cref="OscMessageReader.TryRead"/> on the
    /// element's bytes would make. False after the last element.
    /// </summary>
    public bool TryReadNext(out OscPacketKind kind, out OscMessageReader message, out OscBundleReader bundle)
    {
        message = default;
        bundle = default;
        if (!TryReadNext(out ReadOnlySpan<byte> element, out kind))
        {
            return false;
        }

        if (kind == OscPacketKind.Bundle)
        {
            bundle = new OscBundleReader(element);
        }
        else
        {
            message = OscMessageReader.FromValidated(element);
        }

        return true;
    }

    /// <summary>Back to before the first element.</summary>
    public void Reset() => _position = OscWire.BundleHeaderSize;
}
