using System.Buffers;
using System.Net.Sockets;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>Receives one OSC packet out of a stream (the span is only valid during the call).</summary>
internal delegate void PacketHandler(ReadOnlySpan<byte> packet);

/// <summary>
/// Reads framed OSC packets from a connected socket until the peer closes it. The receive buffer grows
/// only up to one maximal frame; a SLIP frame that outgrows the limit is discarded as it streams (and
/// counted), while a size-prefixed stream with an impossible size cannot be resynchronised and ends the
/// connection.
/// </summary>
internal static class FramedReader
{
    /// <summary>Returns why the stream ended: "closed by the peer" or the framing error.</summary>
    public static async Task<string> RunAsync(
        Socket socket, OscFraming framing, int maxPacket, PacketHandler onPacket, Action<OscError> onError, CancellationToken cancellationToken)
    {
        int limit = framing == OscFraming.SizePrefix ? maxPacket + 4 : (2 * maxPacket) + 2;
        byte[] buffer = new byte[Math.Min(limit, 4096)];
        var packet = new ArrayBufferWriter<byte>(256);
        int start = 0;
        int end = 0;

        // After an oversize SLIP frame that had no END yet, the rest of it arrives later; skip to its END
        // so it is counted once and its tail is not mistaken for a packet.
        bool discarding = false;
        while (true)
        {
            if (discarding && end > start)
            {
                int endByte = buffer.AsSpan(start, end - start).IndexOf((byte)0xC0);
                start = endByte < 0 ? end : start + endByte + 1;
                discarding = endByte < 0;
            }

            while (!discarding && end > start)
            {
                var input = new ReadOnlySequence<byte>(buffer, start, end - start);
                packet.ResetWrittenCount();
                OperationStatus status = OscStreamFraming.TryReadFrame(framing, input, maxPacket, packet, out SequencePosition consumed, out OscError error);
                int used = (int)input.Slice(0, consumed).Length;
                if (status == OperationStatus.Done)
                {
                    start += used;
                    onPacket(packet.WrittenSpan);
                }
                else if (status == OperationStatus.InvalidData)
                {
                    onError(error);
                    if (framing == OscFraming.SizePrefix || used == 0)
                    {
                        return $"unreadable stream ({error.Describe()})";
                    }

                    discarding = used == end - start && buffer[end - 1] != 0xC0;
                    start += used;
                }
                else
                {
                    break;
                }
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                if (buffer.Length >= limit)
                {
                    return $"a frame larger than {maxPacket} bytes";
                }

                Array.Resize(ref buffer, Math.Min(limit, buffer.Length * 2));
            }

            int received = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                return "closed by the peer";
            }

            end += received;
        }
    }

    /// <summary>Encodes one packet and its frame into fresh arrays (sent asynchronously, possibly to several clients).</summary>
    public static (byte[] Frame, byte[] Packet) Frame(OscFraming framing, OscPacket packet)
    {
        byte[] raw = OscCodec.Encode(packet);
        var output = new ArrayBufferWriter<byte>(OscStreamFraming.GetFrameSize(framing, raw));
        OscStreamFraming.WriteFrame(framing, raw, output);
        return (output.WrittenSpan.ToArray(), raw);
    }

    public static async Task SendAsync(Socket socket, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        while (!frame.IsEmpty)
        {
            int sent = await socket.SendAsync(frame, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            frame = frame[sent..];
        }
    }
}
