using System.Net.Sockets;

namespace NetHub.Transports;

/// <summary>
/// The read loop of a text connection (server client or client endpoint): reads into one buffer and
/// feeds a <see cref="TextFramer"/> until the peer closes the connection, then hands out a last
/// unterminated message. With framing <c>none</c> the buffer is max-message long, so one read is at
/// most one message.
/// </summary>
internal static class TextStream
{
    private const int ReadSize = 16 * 1024;

    /// <summary>Returns why the stream ended; socket errors and cancellation are the caller's to translate.</summary>
    public static async Task<string> RunAsync(Socket socket, TextFramer framer, TextInbound inbound, Action<int> onRead, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[inbound.Framing == TextFraming.None ? inbound.MaxMessage : Math.Min(ReadSize, inbound.MaxMessage + 2)];
        while (true)
        {
            int received = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                framer.Flush();
                return "closed by the peer";
            }

            onRead(received);
            framer.Push(buffer.AsSpan(0, received));
        }
    }
}
