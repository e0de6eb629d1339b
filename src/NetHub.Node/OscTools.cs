using System.Buffers;
using System.Net;
using System.Net.Sockets;
using NetHub.Osc;
using NetHub.Transports;

namespace NetHub.Node;

/// <summary>The socket work behind <c>nethub osc send</c> and <c>nethub osc dump</c>.</summary>
internal static class OscTools
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public static async Task SendAsync(OscUrl url, OscPacket packet, OscFraming framing, CancellationToken cancellationToken)
    {
        IPEndPoint remote = NetAddress.ResolveRemote(url.HostPort.StartsWith(':') ? "localhost" + url.HostPort : url.HostPort);
        byte[] bytes = OscCodec.Encode(packet);
        if (!url.Tcp)
        {
            using var udp = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            if (remote.Address.Equals(IPAddress.Broadcast) || remote.Address.GetAddressBytes()[^1] == 255)
            {
                udp.EnableBroadcast = true;
            }

            await udp.SendToAsync(bytes, SocketFlags.None, remote, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var tcp = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(ConnectTimeout);
            await tcp.ConnectAsync(remote, limit.Token).ConfigureAwait(false);
        }

        var frame = new ArrayBufferWriter<byte>();
        OscStreamFraming.WriteFrame(framing, bytes, frame);
        await FramedReader.SendAsync(tcp, frame.WrittenMemory, cancellationToken).ConfigureAwait(false);

        // Half-close and wait for the server to close too, so it has read everything before we go.
        tcp.Shutdown(SocketShutdown.Send);
        byte[] drain = new byte[256];
        using var linger = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linger.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            while (await tcp.ReceiveAsync(drain, SocketFlags.None, linger.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The server keeps the connection open (liblo does); what we sent has been delivered.
        }
    }

    public static async Task DumpAsync(OscUrl url, TextWriter output, TextWriter error, int? count, CancellationToken cancellationToken)
    {
        var printer = new DumpPrinter(output, error, count);
        IPEndPoint bind = NetAddress.ResolveBind(url.HostPort);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        printer.Done += stop.Cancel;
        if (url.Tcp)
        {
            await DumpTcpAsync(bind, printer, error, stop.Token).ConfigureAwait(false);
        }
        else
        {
            await DumpUdpAsync(bind, printer, error, stop.Token).ConfigureAwait(false);
        }
    }

    private static async Task DumpUdpAsync(IPEndPoint bind, DumpPrinter printer, TextWriter error, CancellationToken cancellationToken)
    {
        using var socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.Address.Equals(IPAddress.IPv6Any))
        {
            socket.DualMode = true;
        }

        socket.Bind(bind);
        await error.WriteLineAsync($"nethub osc dump: listening on {NetAddress.Format((IPEndPoint)socket.LocalEndPoint!)} (UDP)").ConfigureAwait(false);
        byte[] buffer = new byte[65536];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (true)
            {
                SocketReceiveFromResult result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
                printer.Print(buffer.AsSpan(0, result.ReceivedBytes), NetAddress.Format((IPEndPoint)result.RemoteEndPoint));
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C, SIGTERM or --count reached.
        }
    }

    private static async Task DumpTcpAsync(IPEndPoint bind, DumpPrinter printer, TextWriter error, CancellationToken cancellationToken)
    {
        using var listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (bind.Address.Equals(IPAddress.IPv6Any))
        {
            listener.DualMode = true;
        }

        listener.Bind(bind);
        listener.Listen(16);
        await error.WriteLineAsync($"nethub osc dump: listening on {NetAddress.Format((IPEndPoint)listener.LocalEndPoint!)} (TCP, size-prefix or SLIP)").ConfigureAwait(false);
        var clients = new List<Task>();
        try
        {
            while (true)
            {
                Socket client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                clients.Add(ReadClientAsync(client, printer, cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await Task.WhenAll(clients).ConfigureAwait(false);
    }

    private static async Task ReadClientAsync(Socket client, DumpPrinter printer, CancellationToken cancellationToken)
    {
        using (client)
        {
            string peer = NetAddress.Format((IPEndPoint)client.RemoteEndPoint!);
            try
            {
                // OSC 1.1 streams open with SLIP's END byte; anything else is the 1.0 size prefix.
                byte[] first = new byte[1];
                if (await client.ReceiveAsync(first, SocketFlags.Peek, cancellationToken).ConfigureAwait(false) == 0)
                {
                    return;
                }

                OscFraming framing = first[0] == 0xC0 ? OscFraming.Slip : OscFraming.SizePrefix;
                await FramedReader.RunAsync(client, framing, OscLimits.Default.MaxPacketSize, packet => printer.Print(packet, peer), e => printer.Malformed(e, peer), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                // The client went away or we are stopping.
            }
        }
    }
}
