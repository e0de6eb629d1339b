using System.Net;
using System.Net.Sockets;
using NetHub.Actors;

namespace NetHub.Transports;

/// <summary>
/// Raw text over TCP, server side: the "TCP/IP DAT in server mode" of a TouchDesigner network manager.
/// Accepts up to max-clients connections, each handled by a <see cref="TextConnection"/> child that
/// cuts its stream into messages by the endpoint's framing; all share one inbound path, counters,
/// peers and history. A send goes to every connected client, or to one (a reply to its peer address).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Actors release their resources in PostStop, which the runtime always runs.")]
public sealed class TextTcpServerEndpoint : Actor
{
    private readonly string _name;
    private readonly TextTcpServerSettings _settings;
    private readonly EndpointCounters _counters = new();
    private readonly MessageHistory _history;
    private readonly PeerTable _peers;
    private readonly TextInbound _inbound;
    private readonly TimeProvider _time;
    private readonly Dictionary<IActorRef, string> _clients = [];
    private readonly CancellationTokenSource _accepting = new();
    private Socket? _listener;
    private string _state = "starting";
    private int _accepted;

    public TextTcpServerEndpoint(string name, TextTcpServerSettings settings, EndpointContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        _name = name;
        _settings = settings;
        _time = context.Scheduler.Time;
        _history = new MessageHistory(settings.HistorySize, packet => TextCodec.Describe(packet, settings.Encoding));
        _peers = new PeerTable(settings.MaxClients * 4, TimeSpan.FromMinutes(1));
        _inbound = new TextInbound(name, context, settings.Address, settings.Encoding, settings.Framing, (int)settings.MaxMessage, _counters, _history, Log);
        Receive<Accepted>(OnAccepted);
        Receive<Terminated>(t => _clients.Remove(t.ActorRef));
        Receive<SendMessage>(Send);
        Receive<SendBatch>(batch => batch.ForEach(Send));
        Receive<GetEndpointStatus>(_ => Sender.Tell(new EndpointStatus(
            _name, TextTcpServerSettings.TypeName, $"{_state}, {_clients.Count} client(s)", OscUdpEndpoint.LocalAddress(_listener), _counters.Snapshot(), _peers.Snapshot(_time.GetUtcNow()), _history.Snapshot())));
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

        _state = $"listening on {NetAddress.Format((IPEndPoint)listener.LocalEndPoint!)} (TCP text, {TextCodec.Name(_settings.Framing)} framing)";
        TransportsLog.EndpointStarted(Log, _name, TextTcpServerSettings.TypeName, _state);
        _ = AcceptLoopAsync(listener, Self, _accepting.Token);
    }

    protected override void PostStop()
    {
        _accepting.Cancel();
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
        IPEndPoint remote;
        try
        {
            remote = (IPEndPoint)accepted.Socket.RemoteEndPoint!;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The client left before its turn came.
            accepted.Socket.Dispose();
            return;
        }

        string peer = NetAddress.Format(remote);
        if (_clients.Count >= _settings.MaxClients)
        {
            TransportsLog.ClientRefused(Log, _name, peer, _settings.MaxClients);
            _counters.Drop("TooManyClients");
            accepted.Socket.Dispose();
            return;
        }

        _peers.Touch(remote, 0, _time.GetUtcNow());
        IActorRef client = Context.ActorOf(
            Props.Create(() => new TextConnection(accepted.Socket, _name, _inbound, _counters, _peers, _time)),
            $"client-{++_accepted}");
        Context.Watch(client);
        _clients[client] = peer;
        TransportsLog.ClientConnected(Log, _name, peer, _clients.Count);
    }

    private void Send(SendMessage command)
    {
        byte[]? frame = _inbound.Encode(command.Message, out int length);
        if (frame is null)
        {
            return;
        }

        var text = new TextConnection.SendText(frame, length);
        int sent = 0;
        foreach ((IActorRef client, string peer) in _clients)
        {
            if (command.To is null || peer == command.To)
            {
                client.Tell(text);
                sent++;
            }
        }

        if (sent == 0)
        {
            _counters.Drop("NoClient");
            _inbound.Problem("NoClient", command.To is null
                ? $"nobody to send {command.Message.Address} to: no client is connected to {_settings.Bind}"
                : $"cannot reply to {command.To}: that client is not connected");
        }
    }

    private sealed record Accepted(Socket Socket);
}
