using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NetHub.Osc;

/// <summary>
/// Whole-packet OSC 1.0/1.1 encoding and decoding over buffers. The typed decoder builds
/// <see cref="OscMessage"/> and <see cref="OscBundle"/> objects on top of the allocation-free
/// <see cref="OscMessageReader"/> and <see cref="OscBundleReader"/>; the encoders write straight into the
/// caller's buffer without allocating.
/// </summary>
public static partial class OscCodec
{
    /// <summary>What the first byte says the packet is: '/' a message, '#' a bundle; false for anything else.</summary>
    public static bool TryGetKind(ReadOnlySpan<byte> packet, out OscPacketKind kind)
    {
        kind = default;
        if (packet.IsEmpty)
        {
            return false;
        }

        switch (packet[0])
        {
            case (byte)'/':
                kind = OscPacketKind.Message;
                return true;
            case (byte)'#':
                kind = OscPacketKind.Bundle;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Decodes a message or bundle into objects (strings decoded as UTF-8 with invalid sequences replaced, blobs
    /// copied). Returns <see cref="OperationStatus.Done"/> or <see cref="OperationStatus.InvalidData"/> with the
    /// reason; never throws, whatever the input.
    /// </summary>
    public static OperationStatus TryDecode(ReadOnlySpan<byte> packet, OscLimits limits, [NotNullWhen(true)] out OscPacket? result, out OscError error)
    {
        limits ??= OscLimits.Default;
        result = null;
        if (packet.Length > 0 && packet[0] == (byte)'#')
        {
            if (OscBundleReader.TryRead(packet, limits, out OscBundleReader bundle, out error) != OperationStatus.Done)
            {
                return OperationStatus.InvalidData;
            }

            result = ReadBundle(ref bundle);
        }
        else
        {
            // Anything not a bundle goes to the message reader, which names what is wrong with it.
            if (OscMessageReader.TryRead(packet, limits, out OscMessageReader message, out error) != OperationStatus.Done)
            {
                return OperationStatus.InvalidData;
            }

            result = ReadMessage(ref message);
        }

        return OperationStatus.Done;
    }

    /// <summary>Decodes a message or bundle into objects.</summary>
    /// <exception cref="OscDecodeException">The packet is malformed or breaks a limit; the exception carries the <see cref="OscError"/>.</exception>
    public static OscPacket Decode(ReadOnlySpan<byte> packet, OscLimits? limits = null)
    {
        if (TryDecode(packet, limits ?? OscLimits.Default, out OscPacket? result, out OscError error) != OperationStatus.Done)
        {
            throw new OscDecodeException(error);
        }

        return result!;
    }

    private static OscMessage ReadMessage(ref OscMessageReader reader)
    {
        string address = Encoding.UTF8.GetString(reader.Address);
        return OscMessage.FromOwned(address, ReadItems(ref reader));
    }

    /// <summary>
    /// The arguments <paramref name="reader"/> has not read yet, as a new array (an OSC array as one
    /// <see cref="OscType.ArrayBegin"/> argument holding its items): for a receiver that checked a packet with
    /// <see cref="OscMessageReader.TryRead"/> and wants its arguments as values without building an <see cref="OscMessage"/>.
    /// </summary>
    public static OscArgument[] ReadArguments(ref OscMessageReader reader) => ReadItems(ref reader);

    /// <summary>Arguments up to the end of the message or the ']' closing the current array; recursion is bounded by the array depth limit.</summary>
    private static OscArgument[] ReadItems(ref OscMessageReader reader)
    {
        int count = reader.ItemsAhead();
        if (count == 0)
        {
            // Past the ']' of an empty array, or at the end of a message without arguments.
            reader.TryReadNext(out _);
            return [];
        }

        // Sized once from the tags (the packet is checked, so the walk gives exactly this many), then filled.
        var items = new OscArgument[count];
        for (int i = 0; i < items.Length; i++)
        {
            reader.TryReadNext(out OscArgumentView view);
            items[i] = view.Type == OscType.ArrayBegin ? OscArgument.FromOwnedItems(ReadItems(ref reader)) : view.ToArgument();
        }

        // The closing ']' of an array (nothing at the end of the message).
        reader.TryReadNext(out _);
        return items;
    }

    /// <summary>Elements of an already checked bundle; recursion is bounded by the bundle depth limit.</summary>
    private static OscBundle ReadBundle(ref OscBundleReader reader)
    {
        var elements = new List<OscPacket>();
        while (reader.TryReadNext(out OscPacketKind kind, out OscMessageReader message, out OscBundleReader nested))
        {
            elements.Add(kind == OscPacketKind.Bundle ? ReadBundle(ref nested) : ReadMessage(ref message));
        }

        return new OscBundle(reader.TimeTag, elements);
    }
}
