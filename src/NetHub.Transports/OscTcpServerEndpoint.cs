using System.Net;
using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>
/// OSC over TCP, server side: accepts up to max-clients connections, each handled by an
/// <see cref="OscTcpConnection"/> child, all sharing one inbound path, counters, peers and history.
/// A send goes to one client (a reply) or to every connected client.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Actors release their resources in PostStop, which the runtime always runs.")]
public sealed class OscTcpServerEndpoint : Actor
{
    private readonly string _name;
    private readonly OscTcpServerSettings _settings;
    private readonly EndpointCounters _counters = new();
    private readonly MessageHistory _history;
    private readonly PeerTable _peers;
    private readonly OscInbound _inbound;
    private readonly TimeProvider _time;
    private readonly Dictionary<IActorRef, string> _clients = [];
    private readonly CancellationTokenSource _accepting = new();
    private Socket? _listener;
    private string _state = "starting";
    private int _accepted;

    public OscTcpServerEndpoint(string name, OscTcpServerSettings settings, EndpointContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _name = name;
        _settings = settings;
        _time = context.Scheduler.Time;
        OscLimits limits = settings.Limits.ToOscLimits();
        _history = new MessageHistory(settings.HistorySize, limits);
        _peers = new PeerTable(settings.MaxClients * 4, TimeSpan.FromMinutes(1));
        _inbound = new OscInbound(name, context, settings.Bundles, limits, _counters, _history, Log);
        Receive<Accepted>(OnAccepted);
        Receive<Terminated>(t => _clients.Remove(t.ActorRef));
        Receive<SendMessage>(Send);
        Receive<SendBatch>(batch => batch.ForEach(Send));
        Receive<GetEndpointStatus>(_ => Sender.Tell(new EndpointStatus(
            _name, OscTcpServerSettings.TypeName, $"{_state}, {_clients.Count} client(s)", OscUdpEndpoint.LocalAddress(_listener), _counters.Snapshot(), _peers.Snapshot(_time.GetUtcNow()), _history.Snapshot())));
        Receive<ReceiveFailed>(f => throw new IOException($"Endpoint '{_name}' stopped accepting: {f.Cause.Message}", f.Cause));
    }

    protected override void PreStart()
    {
        IPEndPoint bind = NetAddress.ResolveBind(_settings.Bind);
        var listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener = listener;
        try
        {
            if (bind.Address.Equals(IPAddress.IPv6Any))
            {
                listener.DualMode = true;
            }

            listener.Bind(bind);
            listener.Listen(Math.Min(_settings.MaxClients, 128));
        }
        catch (SocketException ex)
        {
            TransportsLog.EndpointCannot(Log, _name, "listen on", _settings.Bind, OscUdpEndpoint.Describe(ex), OscUdpEndpoint.Advice(ex));
            throw;
        }

        string framing = _settings.Framing == OscFraming.Slip ? "SLIP" : "size-prefix";
        _state = $"listening on {NetAddress.Format((IPEndPoint)listener.LocalEndPoint!)} (TCP, {framing} framing)";
        TransportsLog.EndpointStarted(Log, _name, OscTcpServerSettings.TypeName, _state);
        _ = AcceptLoopAsync(listener, Self, _accepting.Token);
    }

    protected override void PostStop()
    {
        _accepting.Cancel();
        _inbound.CancelScheduled();
        _listener?.Dispose();
        _accepting.Dispose();
        TransportsLog.EndpointStopped(Log, _name);
    }

    /// <summary>Accepts until the endpoint stops; any other end is reported so the endpoint fails and is restarted.</summary>
    private static async Task AcceptLoopAsync(Socket listener, IActorRef self, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                Socket client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                client.NoDelay = true;
                self.Tell(new Accepted(client));
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                self.Tell(new ReceiveFailed(ex));
            }
        }
    }

    private void OnAccepted(Accepted accepted)
    {
        string peer = NetAddress.Format((IPEndPoint)accepted.Socket.RemoteEndPoint!);
        if (_clients.Count >= _settings.MaxClients)
        {
            TransportsLog.ClientRefused(Log, _name, peer, _settings.MaxClients);
            _counters.Drop("TooManyClients");
            accepted.Socket.Dispose();
            return;
        }

        _peers.Touch((IPEndPoint)accepted.Socket.RemoteEndPoint!, 0, _time.GetUtcNow());
        IActorRef client = Context.ActorOf(
            Props.Create(() => new OscTcpConnection(accepted.Socket, _name, _settings.Framing, _inbound, _counters, _history, _peers, _time)),
            $"client-{++_accepted}");
        Context.Watch(client);
        _clients[client] = peer;
        TransportsLog.ClientConnected(Log, _name, peer, _clients.Count);
    }

    private void Send(SendMessage command)
    {
        (byte[] frame, byte[] packet) framed;
        try
        {
            framed = FramedReader.Frame(_settings.Framing, OscUdpEndpoint.ToPacket(command.Message));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            _counters.Drop("Unconvertible");
            _inbound.Problem("Unconvertible", $"cannot send {command.Message.Address} as OSC: {ex.Message}");
            return;
        }

        var frame = new OscTcpConnection.SendFrame(framed.frame, framed.packet);
        int sent = 0;
        foreach ((IActorRef client, string peer) in _clients)
        {
            if (command.To is null || peer == command.To)
            {
                client.Tell(frame);
                sent++;
            }
        }

        if (sent == 0)
        {
            _counters.Drop("NoClient");
            _inbound.Problem("NoClient", command.To is null
                ? $"nobody to send {command.Message.Address} to: no client is connected"
                : $"cannot reply to {command.To}: that client is not connected");
        }
    }

    private sealed record Accepted(Socket Socket);
}
