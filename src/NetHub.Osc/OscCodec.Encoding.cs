using System.Buffers;
using System.Globalization;
using System.Text;

namespace NetHub.Osc;

/// <summary>Encoders: the wire grammar is on <see cref="OscWriter"/> and <see cref="OscBundle"/>.</summary>
public static partial class OscCodec
{
    /// <summary>Encoded size of a message or bundle in bytes (known at construction, so this is free).</summary>
    public static int GetSize(OscPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return packet.Size;
    }

    /// <summary>Writes the packet into one span from <paramref name="output"/>; allocates nothing itself.</summary>
    public static void Encode(OscPacket packet, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(output);
        int size = packet.Size;
        packet.WriteTo(output.GetSpan(size));
        output.Advance(size);
    }

    /// <summary>Writes the packet at the start of <paramref name="destination"/> and returns the bytes written.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="GetSize"/>.</exception>
    public static int Encode(OscPacket packet, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(packet);
        int size = packet.Size;
        if (destination.Length < size)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The packet needs {0} bytes but the destination holds {1}.", size, destination.Length),
                nameof(destination));
        }

        packet.WriteTo(destination);
        return size;
    }

    public static byte[] Encode(OscPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        byte[] bytes = new byte[packet.Size];
        packet.WriteTo(bytes);
        return bytes;
    }

    /// <summary>Encoded size of the message <see cref="WriteMessage(IBufferWriter{byte}, string, ReadOnlySpan{OscArgument})"/> would write.</summary>
    /// <exception cref="ArgumentException">The address does not start with '/' or holds a control character, space or DEL.</exception>
    public static int GetMessageSize(string address, ReadOnlySpan<OscArgument> arguments)
    {
        OscWriter.ValidateAddress(address, nameof(address));
        return OscWriter.HeaderSize(Encoding.UTF8.GetByteCount(address), OscWriter.CountTags(arguments)) + OscWriter.DataSize(arguments);
    }

    /// <summary>
    /// <see cref="WriteMessage(IBufferWriter{byte}, string, ReadOnlySpan{OscArgument})"/> for arguments as a list (an
    /// <c>OscPayload</c>'s in the hub, say): arrays and decoded argument lists are written in place, others through a
    /// pooled copy, so this allocates nothing either.
    /// </summary>
    /// <exception cref="ArgumentException">The address does not start with '/' or holds a control character, space or DEL.</exception>
    public static void WriteMessage(IBufferWriter<byte> output, string address, IReadOnlyList<OscArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (OscArgumentList.TryGetSpan(arguments, out ReadOnlySpan<OscArgument> span))
        {
            WriteMessage(output, address, span);
            return;
        }

        OscArgument[] copy = ArrayPool<OscArgument>.Shared.Rent(arguments.Count);
        try
        {
            for (int i = 0; i < arguments.Count; i++)
            {
                copy[i] = arguments[i];
            }

            WriteMessage(output, address, copy.AsSpan(0, arguments.Count));
        }
        finally
        {
            ArrayPool<OscArgument>.Shared.Return(copy, clearArray: true);
        }
    }

    /// <summary>
    /// Writes a message without building an <see cref="OscMessage"/>: the allocation-free path for a sender that
    /// produces a new value each time (a fader, a meter).
    /// </summary>
    /// <exception cref="ArgumentException">The address does not start with '/' or holds a control character, space or DEL.</exception>
    public static void WriteMessage(IBufferWriter<byte> output, string address, ReadOnlySpan<OscArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(output);
        OscWriter.ValidateAddress(address, nameof(address));
        int addressByteCount = Encoding.UTF8.GetByteCount(address);
        int tagCount = OscWriter.CountTags(arguments);
        int size = OscWriter.HeaderSize(addressByteCount, tagCount) + OscWriter.DataSize(arguments);
        Span<byte> destination = output.GetSpan(size);
        int header = OscWriter.WriteHeader(destination, address, addressByteCount, arguments, tagCount);
        OscWriter.WriteData(destination[header..], arguments);
        output.Advance(size);
    }
}
