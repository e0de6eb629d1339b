using System.Buffers;
using System.Net;
using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>
/// OSC over UDP: listens on a host:port (IPv4, IPv6 or both; one interface or all; optionally a
/// multicast group), sends to a remote (unicast, broadcast or multicast) and replies to peers.
/// A dedicated thread receives datagrams into one buffer and a reused <see cref="SocketAddress"/>, so
/// steady-state receiving allocates nothing unless messages are delivered onward. Socket failures
/// fail the actor; its backoff supervisor restarts it.
/// </summary>
public sealed partial class OscUdpEndpoint : Actor
{
    // The largest UDP payload (IPv6) plus one byte, so an over-long datagram shows as too large instead of being cut silently.
    private const int MaxDatagram = 65528;

    private readonly string _name;
    private readonly OscUdpSettings _settings;
    private readonly EndpointContext _context;
    private readonly EndpointCounters _counters;
    private readonly OscLimits _limits;
    private readonly MessageHistory _history;
    private readonly PeerTable _peers;
    private readonly OscInbound _inbound;
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(1024);
    private readonly TimeProvider _time;
    private Socket? _socket;
    private SocketAddress? _remote;
    private Thread? _receiver;
    private volatile bool _stopping;
    private string _state = "starting";

    public OscUdpEndpoint(string name, OscUdpSettings settings, EndpointContext context)
    {
        _name = name;
        _settings = settings;
        _context = context;
        _counters = new EndpointCounters(name, context.Errors);
        _time = context.Scheduler.Time;
        _limits = settings.Limits.ToOscLimits();
        _history = new MessageHistory(settings.HistorySize, _limits);
        _peers = new PeerTable(settings.Peers.Max, settings.Peers.InactiveTimeout);
        _inbound = new OscInbound(name, context, settings.Bundles, _limits, _counters, _history, Log);
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
            _name, OscUdpSettings.TypeName, _state, LocalAddress(_socket), _counters.Snapshot(), _peers.Snapshot(_time.GetUtcNow()), _history.Snapshot())));
        Receive<ReceiveFailed>(f => throw new IOException($"Endpoint '{_name}' stopped receiving: {f.Cause.Message}", f.Cause));
    }

    protected override void PreStart()
    {
        Open();
        TransportsLog.EndpointStarted(Log, _name, OscUdpSettings.TypeName, _state);
    }

    protected override void PostStop()
    {
        _stopping = true;
        _inbound.CancelScheduled();
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
        AddressFamily family = bind?.AddressFamily ?? remote!.AddressFamily;
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        _socket = socket;
        try
        {
            Configure(socket, bind);
        }
        catch (SocketException ex)
        {
            TransportsLog.EndpointCannot(Log, _name, "listen on", _settings.Bind, Describe(ex), Advice(ex));
            throw;
        }

        if (remote is not null)
        {
            if (socket.AddressFamily == AddressFamily.InterNetworkV6 && remote.AddressFamily == AddressFamily.InterNetwork)
            {
                remote = new IPEndPoint(remote.Address.MapToIPv6(), remote.Port);
            }

            _remote = remote.Serialize();
        }

        _state = Describe(bind, remote);
        if (bind is not null)
        {
            IActorRef self = Self;
            _receiver = new Thread(() => ReceiveLoop(socket, self)) { IsBackground = true, Name = $"nethub-udp-{_name}" };
            _receiver.Start();
        }
    }

    private void Configure(Socket socket, IPEndPoint? bind)
    {
        if (socket.AddressFamily == AddressFamily.InterNetworkV6 && bind is not null && bind.Address.Equals(IPAddress.IPv6Any))
        {
            socket.DualMode = true;
        }

        MulticastSettings multicast = _settings.Multicast;
        if (multicast.Group.Length > 0)
        {
            // Several programs on one machine may listen to the same group and port.
            socket.ExclusiveAddressUse = false;
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
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

        if (socket.AddressFamily == AddressFamily.InterNetwork)
        {
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, multicast.Ttl);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, multicast.Loopback);
        }
        else
        {
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, multicast.Ttl);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastLoopback, multicast.Loopback);
        }

        IPAddress? iface = multicast.Interface.Length > 0 ? IPAddress.Parse(multicast.Interface) : null;
        if (iface is { AddressFamily: AddressFamily.InterNetwork })
        {
            // Multicast sends leave through this interface (otherwise the default route's).
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, iface.GetAddressBytes());
        }

        if (multicast.Group.Length > 0)
        {
            JoinGroup(socket, IPAddress.Parse(multicast.Group), iface);
        }
    }

    private static void JoinGroup(Socket socket, IPAddress group, IPAddress? iface)
    {
        if (group.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(group));
            return;
        }

        // An IPv4 group on a dual-stack socket is joined through the IPv4 option.
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group, iface ?? IPAddress.Any));
    }

    private IPEndPoint Resolve(string text, string action, Func<string, IPEndPoint> resolve)
    {
        try
        {
            return resolve(text);
        }
        catch (SocketException ex)
        {
            TransportsLog.EndpointCannot(Log, _name, action, text, Describe(ex), "Check the host name or address in the configuration, and the network.");
            throw;
        }
    }

    private string Describe(IPEndPoint? bind, IPEndPoint? remote)
    {
        var parts = new List<string>();
        if (bind is not null)
        {
            string family = _socket!.DualMode ? "UDP, IPv6 and IPv4" : "UDP";
            string group = _settings.Multicast.Group.Length > 0 ? $", multicast group {_settings.Multicast.Group}" : string.Empty;
            parts.Add($"listening on {NetAddress.Format((IPEndPoint)_socket.LocalEndPoint!)} ({family}{group})");
        }

        if (remote is not null)
        {
            parts.Add($"sending to {_settings.Remote}{(_settings.Broadcast ? " (broadcast allowed)" : string.Empty)}");
        }

        return string.Join(", ", parts);
    }

    internal static string? LocalAddress(Socket? socket)
    {
        try
        {
            return socket?.LocalEndPoint is IPEndPoint local ? NetAddress.Format(local) : null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    internal static string Describe(SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => "the address is already in use",
        SocketError.AddressNotAvailable => "no local interface has that address",
        SocketError.AccessDenied => "permission denied",
        SocketError.HostNotFound or SocketError.NoData => "the host name does not resolve",
        SocketError.NetworkUnreachable => "the network is unreachable",
        SocketError.HostUnreachable => "the host is unreachable",
        SocketError.ConnectionRefused => "connection refused (nothing listening there)",
        SocketError.TimedOut => "timed out",
        _ => $"{ex.SocketErrorCode}: {ex.Message}",
    };

    internal static string Advice(SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => "Another program (or another NetHub node) uses this port: change the endpoint's bind or stop the other program.",
        SocketError.AddressNotAvailable => "Use an address of this machine (see `ip addr`), or :port for every interface.",
        SocketError.AccessDenied => "Ports below 1024 need privileges; use a higher port.",
        _ => "NetHub retries with backoff.",
    };
}
