using System.Net;
using System.Net.Sockets;
using NetHub.Actors;

namespace NetHub.Transports;

/// <summary>
/// Raw text over TCP, client side: connects to a device or program that listens (a projector, a media
/// server's command port, a TouchDesigner TCP/IP DAT in server mode) and keeps the connection up with
/// the same reconnect backoff as <see cref="OscTcpClientEndpoint"/>: min-backoff doubled per failed
/// attempt up to max-backoff, with jitter. Messages sent while disconnected are dropped and counted
/// ("NotConnected") rather than queued, so a stale command never fires late.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Actors release their resources in PostStop, which the runtime always runs.")]
public sealed class TextTcpClientEndpoint : Actor
{
    private static readonly object ReconnectKey = "reconnect";

    private readonly string _name;
    private readonly TextTcpClientSettings _settings;
    private readonly EndpointCounters _counters = new();
    private readonly MessageHistory _history;
    private readonly PeerTable _peers;
    private readonly TextInbound _inbound;
    private readonly TimeProvider _time;
    private Socket? _socket;
    private CancellationTokenSource? _reading;
    private int _generation;
    private int _failedAttempts;
    private string _state = "starting";

    public TextTcpClientEndpoint(string name, TextTcpClientSettings settings, EndpointContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        _name = name;
        _settings = settings;
        _time = context.Scheduler.Time;
        _history = new MessageHistory(settings.HistorySize, packet => TextCodec.Describe(packet, settings.Encoding));
        _peers = new PeerTable(16, TimeSpan.FromMinutes(1));
        _inbound = new TextInbound(name, context, settings.Address, settings.Encoding, settings.Framing, (int)settings.MaxMessage, _counters, _history, Log);
        Receive<ConnectResult>(OnConnectResult);
        Receive<ConnectionClosed>(c => c.Generation == _generation, OnClosed);
        Receive<ConnectionClosed>(_ => { });
        Receive<Reconnect>(_ => Connect());
        ReceiveAsync<SendMessage>(SendAsync);
        ReceiveAsync<SendBatch>(batch => batch.ForEachAsync(SendAsync));
        Receive<GetEndpointStatus>(_ => Sender.Tell(new EndpointStatus(
            _name, TextTcpClientSettings.TypeName, _state, OscUdpEndpoint.LocalAddress(_socket), _counters.Snapshot(), _peers.Snapshot(_time.GetUtcNow()), _history.Snapshot())));
    }

    protected override void PreStart()
    {
        TransportsLog.EndpointStarted(Log, _name, TextTcpClientSettings.TypeName, $"connecting to {_settings.Remote}");
        Connect();
    }

    protected override void PostStop()
    {
        Disconnect();
        TransportsLog.EndpointStopped(Log, _name);
    }

    private void Connect()
    {
        int generation = ++_generation;
        _state = $"connecting to {_settings.Remote}";
        _ = ConnectAndReportAsync(_settings.Remote, _settings.ConnectTimeout, generation, Self, StoppingToken);
    }

    /// <summary>Connects off the actor's turn and reports the outcome, unless the endpoint stopped meanwhile.</summary>
    private static async Task ConnectAndReportAsync(string remote, TimeSpan timeout, int generation, IActorRef self, CancellationToken stopping)
    {
        Socket? socket = null;
        try
        {
            IPEndPoint endPoint = await Task.Run(() => NetAddress.ResolveRemote(remote), stopping).ConfigureAwait(false);
            socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            limit.CancelAfter(timeout);
            await socket.ConnectAsync(endPoint, limit.Token).ConfigureAwait(false);
            self.Tell(new ConnectResult(generation, socket, null));
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket?.Dispose();
            if (!stopping.IsCancellationRequested)
            {
                Exception error = ex is OperationCanceledException ? new SocketException((int)SocketError.TimedOut) : ex;
                self.Tell(new ConnectResult(generation, null, error));
            }
        }
    }

    private void OnConnectResult(ConnectResult result)
    {
        if (result.Generation != _generation)
        {
            result.Socket?.Dispose();
            return;
        }

        if (result.Socket is null)
        {
            TimeSpan delay = _settings.Reconnect.DelayFor(_failedAttempts++, Random.Shared.NextDouble());
            string reason = result.Error is SocketException se ? OscUdpEndpoint.Describe(se) : result.Error?.Message ?? "unknown";
            _state = $"disconnected from {_settings.Remote} ({reason}); retrying";
            Timers.StartSingleTimer(ReconnectKey, Reconnect.Instance, delay);
            TransportsLog.ConnectFailed(Log, _name, _settings.Remote, reason, delay.TotalMilliseconds, _failedAttempts);
            return;
        }

        _socket = result.Socket;
        _failedAttempts = 0;
        _state = $"connected to {_settings.Remote} (TCP text, {TextCodec.Name(_settings.Framing)} framing)";
        TransportsLog.Connected(Log, _name, _settings.Remote);
        _reading = new CancellationTokenSource();
        _ = ReadAsync(_socket, (IPEndPoint)_socket.RemoteEndPoint!, result.Generation, Self, _reading.Token);
    }

    private async Task ReadAsync(Socket socket, IPEndPoint remote, int generation, IActorRef self, CancellationToken cancellationToken)
    {
        string peer = NetAddress.Format(remote);
        string reason;
        try
        {
            reason = await TextStream.RunAsync(
                socket,
                _inbound.CreateFramer(() => peer),
                _inbound,
                received =>
                {
                    _counters.PacketIn(received);
                    _peers.Touch(remote, received, _time.GetUtcNow());
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = ex is SocketException se ? OscUdpEndpoint.Describe(se) : "stopped";
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            self.Tell(new ConnectionClosed(generation, reason));
        }
    }

    private void OnClosed(ConnectionClosed closed)
    {
        Disconnect();
        TimeSpan delay = _settings.Reconnect.DelayFor(0, Random.Shared.NextDouble());
        _state = $"disconnected from {_settings.Remote} ({closed.Reason}); reconnecting";
        _generation++;
        Timers.StartSingleTimer(ReconnectKey, Reconnect.Instance, delay);
        TransportsLog.ConnectionLost(Log, _name, _settings.Remote, closed.Reason, delay.TotalMilliseconds);
    }

    private async Task SendAsync(SendMessage command)
    {
        if (_socket is null)
        {
            _counters.Drop("NotConnected");
            _inbound.Problem("NotConnected", $"dropped {command.Message.Address}: not connected to {_settings.Remote}");
            return;
        }

        byte[]? frame = _inbound.Encode(command.Message, out int length);
        if (frame is null)
        {
            return;
        }

        try
        {
            await FramedReader.SendAsync(_socket, frame, StoppingToken).ConfigureAwait(false);
            _inbound.Sent(frame, length, _settings.Remote);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            _counters.Drop("SendFailed");
            _inbound.Problem("SendFailed", $"cannot send {command.Message.Address} to {_settings.Remote}: {ex.Message}");
            if (_socket is not null)
            {
                OscTcpConnection.ShutdownQuietly(_socket);
            }
        }
    }

    private void Disconnect()
    {
        _reading?.Cancel();
        _reading?.Dispose();
        _reading = null;
        if (_socket is not null)
        {
            OscTcpConnection.ShutdownQuietly(_socket);
            _socket.Dispose();
            _socket = null;
        }
    }

    private sealed record ConnectResult(int Generation, Socket? Socket, Exception? Error);

    private sealed record ConnectionClosed(int Generation, string Reason);

    private sealed record Reconnect
    {
        public static Reconnect Instance { get; } = new();
    }
}
