using System.Net;
using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Messages;

namespace NetHub.Transports;

/// <summary>
/// The client side of a TCP endpoint, whatever it carries: connects to a remote server and keeps the connection up.
/// A failed attempt or a dropped connection is retried after min-backoff doubled per failed attempt (capped at
/// max-backoff) with random jitter, so a device that reboots is found again without a flood of attempts. Messages
/// sent while disconnected are dropped and counted ("NotConnected") rather than queued: a stale fader value or
/// command firing late is worse than none. A subclass supplies only its protocol: how a connection is read
/// (<see cref="ReadAsync"/>) and how a message becomes bytes on the wire (<see cref="Encode"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Actors release their resources in PostStop, which the runtime always runs.")]
public abstract class TcpClientEndpoint : Actor
{
    private static readonly object ReconnectKey = "reconnect";

    private readonly string _typeName;
    private readonly string _remote;
    private readonly TimeSpan _connectTimeout;
    private readonly ReconnectSettings _reconnect;
    private Socket? _socket;
    private CancellationTokenSource? _reading;
    private int _generation;
    private int _failedAttempts;
    private string _state = "starting";

    private protected TcpClientEndpoint(
        string name, string typeName, string remote, TimeSpan connectTimeout, ReconnectSettings reconnect, EndpointContext context, MessageHistory history)
    {
        ArgumentNullException.ThrowIfNull(context);
        Name = name;
        _typeName = typeName;
        _remote = remote;
        _connectTimeout = connectTimeout;
        _reconnect = reconnect;
        Time = context.Scheduler.Time;
        History = history;
        Counters = new EndpointCounters(name, context.Errors);
        Receive<ConnectResult>(OnConnectResult);
        Receive<ConnectionClosed>(c => c.Generation == _generation, OnClosed);
        Receive<ConnectionClosed>(_ => { });
        Receive<Reconnect>(_ => Connect());
        ReceiveAsync<SendMessage>(SendAsync);
        ReceiveAsync<SendBatch>(async batch =>
        {
            await batch.ForEachAsync(SendAsync).ConfigureAwait(false);
            batch.Release();
        });
        Receive<GetEndpointStatus>(_ => Sender.Tell(new EndpointStatus(
            Name, _typeName, _state, OscUdpEndpoint.LocalAddress(_socket), Counters.Snapshot(), Peers.Snapshot(Time.GetUtcNow()), History.Snapshot())));
    }

    private protected string Name { get; }

    private protected TimeProvider Time { get; }

    private protected EndpointCounters Counters { get; }

    private protected MessageHistory History { get; }

    private protected PeerTable Peers { get; } = new(16, TimeSpan.FromMinutes(1));

    /// <summary>How the connection is described once up, e.g. "TCP, SLIP framing".</summary>
    private protected abstract string Describe { get; }

    protected override void PreStart()
    {
        TransportsLog.EndpointStarted(Log, Name, _typeName, $"connecting to {_remote}");
        Connect();
    }

    protected override void PostStop()
    {
        Disconnect();
        Stopped();
        TransportsLog.EndpointStopped(Log, Name);
    }

    /// <summary>Reads <paramref name="socket"/> until it closes, off the actor's turn; returns why it closed.</summary>
    private protected abstract Task<string> ReadAsync(Socket socket, IPEndPoint remote, string peer, CancellationToken cancellationToken);

    /// <summary>
    /// The bytes to send for <paramref name="message"/>, and the part of them the history shows; null when it cannot
    /// be sent (the subclass has counted and reported why).
    /// </summary>
    private protected abstract byte[]? Encode(HubMessage message, out ReadOnlyMemory<byte> content);

    /// <summary>Logs a problem with the endpoint (the caller has counted it), at most as often as the endpoint allows.</summary>
    private protected abstract void Problem(string reason, string detail, string? peer = null);

    /// <summary>Called when the endpoint stops, after the connection is closed.</summary>
    private protected virtual void Stopped()
    {
    }

    private void Connect()
    {
        int generation = ++_generation;
        _state = $"connecting to {_remote}";
        _ = ConnectAndReportAsync(_remote, _connectTimeout, generation, Self, StoppingToken);
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
            TimeSpan delay = _reconnect.DelayFor(_failedAttempts++, Random.Shared.NextDouble());
            string reason = result.Error is SocketException se ? OscUdpEndpoint.Describe(se) : result.Error?.Message ?? "unknown";
            _state = $"disconnected from {_remote} ({reason}); retrying";
            Timers.StartSingleTimer(ReconnectKey, Reconnect.Instance, delay);
            TransportsLog.ConnectFailed(Log, Name, _remote, reason, delay.TotalMilliseconds, _failedAttempts);
            return;
        }

        _socket = result.Socket;
        _failedAttempts = 0;
        _state = $"connected to {_remote} ({Describe})";
        TransportsLog.Connected(Log, Name, _remote);
        _reading = new CancellationTokenSource();
        _ = ReadAndReportAsync(_socket, (IPEndPoint)_socket.RemoteEndPoint!, result.Generation, Self, _reading.Token);
    }

    private async Task ReadAndReportAsync(Socket socket, IPEndPoint remote, int generation, IActorRef self, CancellationToken cancellationToken)
    {
        string reason;
        try
        {
            reason = await ReadAsync(socket, remote, NetAddress.Format(remote), cancellationToken).ConfigureAwait(false);
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
        TimeSpan delay = _reconnect.DelayFor(0, Random.Shared.NextDouble());
        _state = $"disconnected from {_remote} ({closed.Reason}); reconnecting";
        _generation++;
        Timers.StartSingleTimer(ReconnectKey, Reconnect.Instance, delay);
        TransportsLog.ConnectionLost(Log, Name, _remote, closed.Reason, delay.TotalMilliseconds);
    }

    private async Task SendAsync(SendMessage command)
    {
        Socket? socket = _socket;
        if (socket is null)
        {
            Counters.Drop("NotConnected");
            Problem("NotConnected", $"dropped {command.Address}: not connected to {_remote}");
            return;
        }

        byte[]? frame = Encode(command.Message, out ReadOnlyMemory<byte> content);
        if (frame is null)
        {
            return;
        }

        try
        {
            await FramedReader.SendAsync(socket, frame, StoppingToken).ConfigureAwait(false);
            Counters.MessageOut(frame.Length);
            History.Record(MessageDirection.Out, content.Span, _remote, Time.GetUtcNow());
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Counters.Drop("SendFailed");
            Problem("SendFailed", $"cannot send {command.Address} to {_remote}: {ex.Message}");
            OscTcpConnection.ShutdownQuietly(socket);
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
