using System.Net;
using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>
/// One accepted client of an <see cref="OscTcpServerEndpoint"/>: reads framed packets on its own
/// task into the server's shared inbound path, and writes frames the server gives it, in order. It
/// stops when the client disconnects or sends an unreadable stream.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Actors release their resources in PostStop, which the runtime always runs.")]
internal sealed class OscTcpConnection : Actor
{
    private readonly Socket _socket;
    private readonly string _endpoint;
    private readonly OscFraming _framing;
    private readonly OscInbound _inbound;
    private readonly EndpointCounters _counters;
    private readonly MessageHistory _history;
    private readonly PeerTable _peers;
    private readonly TimeProvider _time;
    private readonly IPEndPoint _remote;
    private readonly CancellationTokenSource _reading = new();

    public OscTcpConnection(Socket socket, string endpoint, OscFraming framing, OscInbound inbound, EndpointCounters counters, MessageHistory history, PeerTable peers, TimeProvider time)
    {
        _socket = socket;
        _endpoint = endpoint;
        _framing = framing;
        _inbound = inbound;
        _counters = counters;
        _history = history;
        _peers = peers;
        _time = time;
        _remote = (IPEndPoint)socket.RemoteEndPoint!;
        Peer = NetAddress.Format(_remote);
        Receive<Closed>(c =>
        {
            TransportsLog.ClientDisconnected(Log, _endpoint, Peer, c.Reason);
            Context.Stop(Self);
        });
        ReceiveAsync<SendFrame>(SendAsync);
    }

    public string Peer { get; }

    protected override void PreStart() => _ = ReadAsync(Self, _reading.Token);

    protected override void PostStop()
    {
        _reading.Cancel();
        ShutdownQuietly(_socket);
        _socket.Dispose();
        _reading.Dispose();
    }

    /// <summary>Reads until the client goes; tells this actor why, unless the actor is the one stopping.</summary>
    private async Task ReadAsync(IActorRef self, CancellationToken cancellationToken)
    {
        string reason;
        try
        {
            reason = await FramedReader.RunAsync(
                _socket,
                _framing,
                _inbound.Limits.MaxPacketSize,
                packet =>
                {
                    DateTimeOffset now = _time.GetUtcNow();
                    _peers.Touch(_remote, packet.Length, now);
                    _inbound.Process(packet, Peer, now);
                },
                error => _inbound.Reject(error, Peer),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = ex is SocketException socketError ? OscUdpEndpoint.Describe(socketError) : "stopped";
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            self.Tell(new Closed(reason));
        }
    }

    private async Task SendAsync(SendFrame frame)
    {
        try
        {
            await FramedReader.SendAsync(_socket, frame.Bytes, StoppingToken).ConfigureAwait(false);
            _counters.MessageOut(frame.Bytes.Length);
            _history.Record(MessageDirection.Out, frame.Packet.Span, Peer, _time.GetUtcNow());
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            _counters.Drop("SendFailed");
            _inbound.Problem("SendFailed", $"cannot send to client {Peer}: {ex.Message}", Peer);

            // The read loop then sees the connection end and reports it once.
            ShutdownQuietly(_socket);
        }
    }

    internal static void ShutdownQuietly(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the other side or by us.
        }
    }

    /// <summary>A frame to write: the framed bytes and, for the history, the bare packet.</summary>
    internal sealed record SendFrame(ReadOnlyMemory<byte> Bytes, ReadOnlyMemory<byte> Packet);

    private sealed record Closed(string Reason);
}
