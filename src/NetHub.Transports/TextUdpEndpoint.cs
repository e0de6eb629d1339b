using System.Net;
using System.Net.Sockets;
using NetHub.Actors;

namespace NetHub.Transports;

/// <summary>
/// Raw text over UDP: the "UDP In/Out DAT" of a TouchDesigner network manager. Listens on a host:port
/// (IPv4, IPv6 or both), sends to a remote (unicast or, when allowed, broadcast) and replies to peers.
/// Each datagram is one message, or with framing line/nul several, cut at the terminators (a missing
/// final terminator is fine). A dedicated thread receives into one buffer and a reused
/// <see cref="SocketAddress"/>; socket failures fail the actor, whose backoff supervisor restarts it.
/// </summary>
public sealed class TextUdpEndpoint : Actor
{
    private readonly string _name;
    private readonly TextUdpSettings _settings;
    private readonly EndpointCounters _counters;
    private readonly MessageHistory _history;
    private readonly PeerTable _peers;
    private readonly TextInbound _inbound;
    private readonly TimeProvider _time;
    private Socket? _socket;
    private SocketAddress? _remote;
    private Thread? _receiver;
    private volatile bool _stopping;
    private string _state = "starting";

    public TextUdpEndpoint(string name, TextUdpSettings settings, EndpointContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        _name = name;
        _settings = settings;
        _counters = new EndpointCounters(name, context.Errors);
        _time = context.Scheduler.Time;
        _history = new MessageHistory(settings.HistorySize, packet => TextCodec.Describe(packet, settings.Encoding));
        _peers = new PeerTable(settings.Peers.Max, settings.Peers.InactiveTimeout);
        _inbound = new TextInbound(name, context, settings.Address, settings.Encoding, settings.Framing, (int)settings.MaxMessage, _counters, _history, Log);
        Receive<SendMessage>(Send);
        Receive<SendBatch>(batch =>
        {
            foreach (SendMessage send in batch.Span)
            {
                Send(send);
            }

            batch.Release();
        });
        Receive<GetEndpointStatus>(_ => Sender.Tell(new EndpointStatus(
            _name, TextUdpSettings.TypeName, _state, OscUdpEndpoint.LocalAddress(_socket), _counters.Snapshot(), _peers.Snapshot(_time.GetUtcNow()), _history.Snapshot())));
        Receive<ReceiveFailed>(f => throw new IOException($"Endpoint '{_name}' stopped receiving: {f.Cause.Message}", f.Cause));
    }

    protected override void PreStart()
    {
        Open();
        TransportsLog.EndpointStarted(Log, _name, TextUdpSettings.TypeName, _state);
    }

    protected override void PostStop()
    {
        _stopping = true;
        _socket?.Dispose();
        if (_receiver is not null && _receiver != Thread.CurrentThread)
        {
            _receiver.Join(TimeSpan.FromSeconds(2));
        }

        TransportsLog.EndpointStopped(Log, _name);
    }

    private void Open()
    {
        IPEndPoint? bind = _settings.Bind.Length > 0 ? Resolve(_settings.Bind, "listen on", NetAddress.ResolveBind) : null;
        IPEndPoint? remote = _settings.Remote.Length > 0 ? Resolve(_settings.Remote, "send to", NetAddress.ResolveRemote) : null;
        var socket = new Socket(bind?.AddressFamily ?? remote!.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket = socket;
        try
        {
            if (bind is not null && bind.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            if (_settings.ReceiveBuffer > 0)
            {
                socket.ReceiveBufferSize = (int)_settings.ReceiveBuffer;
            }

            socket.EnableBroadcast = _settings.Broadcast;
            if (bind is not null)
            {
                socket.Bind(bind);
            }
        }
        catch (SocketException ex)
        {
            TransportsLog.EndpointCannot(Log, _name, "listen on", _settings.Bind, OscUdpEndpoint.Describe(ex), OscUdpEndpoint.Advice(ex));
            throw;
        }

        if (remote is not null)
        {
            _remote = ForSocket(remote).Serialize();
        }

        var parts = new List<string>();
        if (bind is not null)
        {
            string family = socket.DualMode ? "UDP text, IPv6 and IPv4" : "UDP text";
            parts.Add($"listening on {NetAddress.Format((IPEndPoint)socket.LocalEndPoint!)} ({family}, {TextCodec.Name(_settings.Framing)} framing)");
            IActorRef self = Self;
            _receiver = new Thread(() => ReceiveLoop(socket, self)) { IsBackground = true, Name = $"nethub-udp-text-{_name}" };
            _receiver.Start();
        }

        if (remote is not null)
        {
            parts.Add($"sending to {_settings.Remote}{(_settings.Broadcast ? " (broadcast allowed)" : string.Empty)}");
        }

        _state = string.Join(", ", parts);
    }

    private IPEndPoint Resolve(string text, string action, Func<string, IPEndPoint> resolve)
    {
        try
        {
            return resolve(text);
        }
        catch (SocketException ex)
        {
            TransportsLog.EndpointCannot(Log, _name, action, text, OscUdpEndpoint.Describe(ex), "Check the host name or address in the configuration, and the network.");
            throw;
        }
    }

    /// <summary>An IPv4 destination seen through a dual-stack (IPv6) socket is written as IPv4-mapped.</summary>
    private IPEndPoint ForSocket(IPEndPoint endPoint) =>
        _socket!.AddressFamily == AddressFamily.InterNetworkV6 && endPoint.AddressFamily == AddressFamily.InterNetwork
            ? new IPEndPoint(endPoint.Address.MapToIPv6(), endPoint.Port)
            : endPoint;

    private void ReceiveLoop(Socket socket, IActorRef self) => ReceiveThread.Run(() => ReceiveLoopCore(socket, self), self, () => _stopping);

    private void ReceiveLoopCore(Socket socket, IActorRef self)
    {
        // Room for the largest datagram, so an over-long message is judged whole rather than cut silently.
        byte[] buffer = new byte[TextUdpSettings.MaxDatagram + 1];
        var from = new SocketAddress(socket.AddressFamily);
        string? peer = null;
        TextFramer framer = _inbound.CreateFramer(() => peer);
        while (!_stopping)
        {
            int received;
            try
            {
                received = socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.MessageSize)
            {
                // An ICMP error for an earlier send, or an over-long datagram: not a reason to stop listening.
                _inbound.Problem(ex.SocketErrorCode.ToString(), $"receive reported {OscUdpEndpoint.Describe(ex)}");
                continue;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                if (!_stopping)
                {
                    self.Tell(new ReceiveFailed(ex));
                }

                return;
            }

            _counters.PacketIn(received);
            peer = _peers.Touch(from, received, _time.GetUtcNow()).Address;
            using InlineRuns.Scope runs = InlineRuns.Begin();
            framer.Push(buffer.AsSpan(0, received));
            framer.Flush();
        }
    }

    private void Send(SendMessage command)
    {
        SocketAddress? target = command.To is null ? _remote : ResolvePeer(command.To);
        string destination = command.To ?? _settings.Remote;
        if (target is null)
        {
            _counters.Drop("NoDestination");
            _inbound.Problem("NoDestination", command.To is null
                ? $"nowhere to send {command.Address}: no remote is configured and the message is not a reply to a peer"
                : $"cannot reply to '{command.To}': not an IP address and port", command.To);
            return;
        }

        byte[]? frame = _inbound.Encode(command.Message, out int length);
        if (frame is null)
        {
            return;
        }

        if (frame.Length > TextUdpSettings.MaxDatagram)
        {
            _counters.Drop("MessageTooLong");
            _inbound.Problem("MessageTooLong", $"cannot send {command.Address} to {destination}: {frame.Length} bytes do not fit in one UDP datagram ({TextUdpSettings.MaxDatagram}); use a tcp-client endpoint for large messages", command.To);
            return;
        }

        try
        {
            _socket!.SendTo(frame, SocketFlags.None, target);
            _inbound.Sent(frame, length, destination);
        }
        catch (SocketException ex)
        {
            _counters.Drop("SendFailed");
            _inbound.Problem("SendFailed", $"cannot send {command.Address} to {destination}: {OscUdpEndpoint.Describe(ex)}", command.To);
        }
    }

    private SocketAddress? ResolvePeer(string peer) =>
        IPEndPoint.TryParse(peer, out IPEndPoint? endPoint) && endPoint.Port != 0 ? ForSocket(endPoint).Serialize() : null;
}
