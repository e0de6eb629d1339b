using System.Buffers;
using System.Buffers.Binary;

namespace NetHub.Osc;

/// <summary>
/// Finds OSC packets in a byte stream (TCP, serial) and frames packets for one. Pure functions over buffers,
/// in the shape of a pipe reader loop: read a frame, advance to <c>consumed</c>, repeat until
/// <see cref="OperationStatus.NeedMoreData"/>. The content of a frame is not checked here; hand it to
/// <see cref="OscCodec"/> or the readers.
/// </summary>
public static partial class OscStreamFraming
{
    /// <summary>
    /// Reads the first frame of <paramref name="input"/>.
    /// <list type="bullet">
    /// <item><see cref="OperationStatus.Done"/>: one packet written to <paramref name="packet"/>; <paramref name="consumed"/> is just past its frame.</item>
    /// <item><see cref="OperationStatus.NeedMoreData"/>: nothing written, <paramref name="consumed"/> is the start of the input; every
    /// proper prefix of a valid framed stream gives this.</item>
    /// <item><see cref="OperationStatus.InvalidData"/>: <paramref name="error"/> says why (offset relative to the start of the input).
    /// SLIP: <paramref name="consumed"/> is past the END that closes the bad frame, where reading can go on, or the end of the
    /// input if no END came yet (an oversized frame is dropped as it streams, so the buffer stays bounded).
    /// Size prefix: <paramref name="consumed"/> is the start of the input; the size cannot be trusted, so there is no way
    /// back into step and the caller must close the stream.</item>
    /// </list>
    /// </summary>
    public static OperationStatus TryReadFrame(OscFraming framing, ReadOnlySequence<byte> input, int maxPacketSize, IBufferWriter<byte> packet, out SequencePosition consumed, out OscError error)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return framing == OscFraming.Slip
            ? TryReadSlip(input, maxPacketSize, packet, out consumed, out error)
            : TryReadSizePrefixed(input, maxPacketSize, packet, out consumed, out error);
    }

    /// <summary>Bytes <see cref="WriteFrame"/> writes for <paramref name="packet"/>.</summary>
    public static int GetFrameSize(OscFraming framing, ReadOnlySpan<byte> packet) => framing == OscFraming.Slip
        ? 2 + packet.Length + packet.Count(SlipEnd) + packet.Count(SlipEscape)
        : 4 + packet.Length;

    /// <summary>Writes one framed packet into one span from <paramref name="output"/>; allocates nothing itself.</summary>
    public static void WriteFrame(OscFraming framing, ReadOnlySpan<byte> packet, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int size = GetFrameSize(framing, packet);
        Span<byte> frame = output.GetSpan(size)[..size];
        if (framing == OscFraming.Slip)
        {
            WriteSlip(packet, frame);
        }
        else
        {
            BinaryPrimitives.WriteInt32BigEndian(frame, packet.Length);
            packet.CopyTo(frame[4..]);
        }

        output.Advance(size);
    }

    /// <summary>
    /// OSC 1.0 stream framing: <c>frame = int32 size (big-endian), size bytes</c>. A zero size is skipped like an
    /// empty SLIP frame; a negative size, one over the limit or one that is not a multiple of 4 cannot be a packet.
    /// </summary>
    private static OperationStatus TryReadSizePrefixed(ReadOnlySequence<byte> input, int maxPacketSize, IBufferWriter<byte> packet, out SequencePosition consumed, out OscError error)
    {
        consumed = input.Start;
        error = default;
        long offset = 0;
        Span<byte> prefix = stackalloc byte[4];
        while (true)
        {
            ReadOnlySequence<byte> rest = input.Slice(offset);
            if (rest.Length < 4)
            {
                return OperationStatus.NeedMoreData;
            }

            rest.Slice(0, 4).CopyTo(prefix);
            int size = BinaryPrimitives.ReadInt32BigEndian(prefix);
            if (size < 0 || (size & 3) != 0)
            {
                error = new OscError(OscErrorReason.BadFrameSize, ClampOffset(offset), size);
                return OperationStatus.InvalidData;
            }

            if (size > maxPacketSize)
            {
                error = new OscError(OscErrorReason.FrameTooLarge, ClampOffset(offset), size) { Bound = maxPacketSize };
                return OperationStatus.InvalidData;
            }

            if (rest.Length - 4 < size)
            {
                return OperationStatus.NeedMoreData;
            }

            offset += 4 + size;
            if (size == 0)
            {
                continue;
            }

            rest.Slice(4, size).CopyTo(packet.GetSpan(size));
            packet.Advance(size);
            consumed = input.GetPosition(offset);
            return OperationStatus.Done;
        }
    }

    private static int ClampOffset(long offset) => (int)Math.Min(offset, int.MaxValue);
}
