using System.Net;
using System.Net.Sockets;
using NetHub.Actors;

namespace NetHub.Transports;

/// <summary>
/// One accepted client of a <see cref="TextTcpServerEndpoint"/>: reads text messages on its own task
/// into the server's shared inbound path, and writes what the server gives it, in order. It stops when
/// the client disconnects; over-long messages are discarded and counted without closing it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Actors release their resources in PostStop, which the runtime always runs.")]
internal sealed class TextConnection : Actor
{
    private readonly Socket _socket;
    private readonly string _endpoint;
    private readonly TextInbound _inbound;
    private readonly EndpointCounters _counters;
    private readonly PeerTable _peers;
    private readonly TimeProvider _time;
    private readonly IPEndPoint _remote;
    private readonly string _peer;
    private readonly CancellationTokenSource _reading = new();

    public TextConnection(Socket socket, string endpoint, TextInbound inbound, EndpointCounters counters, PeerTable peers, TimeProvider time)
    {
        _socket = socket;
        _endpoint = endpoint;
        _inbound = inbound;
        _counters = counters;
        _peers = peers;
        _time = time;
        _remote = (IPEndPoint)socket.RemoteEndPoint!;
        _peer = NetAddress.Format(_remote);
        Receive<Closed>(c =>
        {
            TransportsLog.ClientDisconnected(Log, _endpoint, _peer, c.Reason);
            Context.Stop(Self);
        });
        ReceiveAsync<SendText>(SendAsync);
    }

    protected override void PreStart() => _ = ReadAsync(Self, _reading.Token);

    protected override void PostStop()
    {
        _reading.Cancel();
        OscTcpConnection.ShutdownQuietly(_socket);
        _socket.Dispose();
        _reading.Dispose();
    }

    /// <summary>Reads until the client goes; tells this actor why, unless the actor is the one stopping.</summary>
    private async Task ReadAsync(IActorRef self, CancellationToken cancellationToken)
    {
        string reason;
        try
        {
            TextFramer framer = _inbound.CreateFramer(() => _peer);
            reason = await TextStream.RunAsync(
                _socket,
                framer,
                _inbound,
                received =>
                {
                    _counters.PacketIn(received);
                    _peers.Touch(_remote, received, _time.GetUtcNow());
                },
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

    private async Task SendAsync(SendText text)
    {
        try
        {
            await FramedReader.SendAsync(_socket, text.Frame, StoppingToken).ConfigureAwait(false);
            _inbound.Sent(text.Frame, text.Length, _peer);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            _counters.Drop("SendFailed");
            _inbound.Problem("SendFailed", $"cannot send to client {_peer}: {ex.Message}", _peer);

            // The read loop then sees the connection end and reports it once.
            OscTcpConnection.ShutdownQuietly(_socket);
        }
    }

    /// <summary>A message to write: the bytes with their terminator, and the message's length without it (for the history).</summary>
    internal sealed record SendText(byte[] Frame, int Length);

    private sealed record Closed(string Reason);
}
