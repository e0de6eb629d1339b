using System.Net;
using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Messages;

namespace NetHub.Transports;

/// <summary>
/// The server side of a TCP endpoint, whatever it carries: listens, accepts up to max-clients connections, each
/// handled by a child actor, all sharing one inbound path, counters, peers and history. A send goes to every
/// connected client, or to one (a reply to its peer address). A subclass supplies only its protocol: the child
/// that reads and writes one connection (<see cref="ConnectionProps"/>) and what a message becomes for the children
/// to send (<see cref="Encode"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Actors release their resources in PostStop, which the runtime always runs.")]
public abstract class TcpServerEndpoint : Actor
{
    private readonly string _typeName;
    private readonly string _bind;
    private readonly int _maxClients;
    private readonly Dictionary<IActorRef, string> _clients = [];
    private readonly CancellationTokenSource _accepting = new();
    private Socket? _listener;
    private string _state = "starting";
    private int _accepted;

    private protected TcpServerEndpoint(string name, string typeName, string bind, int maxClients, EndpointContext context, MessageHistory history)
    {
        ArgumentNullException.ThrowIfNull(context);
        Name = name;
        _typeName = typeName;
        _bind = bind;
        _maxClients = maxClients;
        Time = context.Scheduler.Time;
        History = history;
        Counters = new EndpointCounters(name, context.Errors);
        Peers = new PeerTable(maxClients * 4, TimeSpan.FromMinutes(1));
        Receive<Accepted>(OnAccepted);
        Receive<Terminated>(t => _clients.Remove(t.ActorRef));
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
            Name, _typeName, $"{_state}, {_clients.Count} client(s)", OscUdpEndpoint.LocalAddress(_listener), Counters.Snapshot(), Peers.Snapshot(Time.GetUtcNow()), History.Snapshot())));
        Receive<ReceiveFailed>(f => throw new IOException($"Endpoint '{Name}' stopped accepting: {f.Cause.Message}", f.Cause));
    }

    private protected string Name { get; }

    private protected TimeProvider Time { get; }

    private protected EndpointCounters Counters { get; }

    private protected MessageHistory History { get; }

    private protected PeerTable Peers { get; }

    /// <summary>How the listener is described, e.g. "TCP, SLIP framing".</summary>
    private protected abstract string Describe { get; }

    /// <summary>The child actor that reads and writes one accepted connection.</summary>
    private protected abstract Props ConnectionProps(Socket socket);

    /// <summary>
    /// What the connection children are told to send for <paramref name="message"/>; null when it cannot be sent (the
    /// subclass has counted and reported why).
    /// </summary>
    private protected abstract object? Encode(HubMessage message);

    /// <summary>Logs a problem with the endpoint (the caller has counted it), at most as often as the endpoint allows.</summary>
    private protected abstract void Problem(string reason, string detail, string? peer = null);

    /// <summary>Called when the endpoint stops, after the listener is closed.</summary>
    private protected virtual void Stopped()
    {
    }

    protected override void PreStart()
    {
        IPEndPoint bind = NetAddress.ResolveBind(_bind);
        var listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener = listener;
        try
        {
            if (bind.Address.Equals(IPAddress.IPv6Any))
            {
                listener.DualMode = true;
            }

            listener.Bind(bind);
            listener.Listen(Math.Min(_maxClients, 128));
        }
        catch (SocketException ex)
        {
            TransportsLog.EndpointCannot(Log, Name, "listen on", _bind, OscUdpEndpoint.Describe(ex), OscUdpEndpoint.Advice(ex));
            throw;
        }

        _state = $"listening on {NetAddress.Format((IPEndPoint)listener.LocalEndPoint!)} ({Describe})";
        TransportsLog.EndpointStarted(Log, Name, _typeName, _state);
        _ = AcceptLoopAsync(listener, Self, _accepting.Token);
    }

    protected override void PostStop()
    {
        _accepting.Cancel();
        _listener?.Dispose();
        _accepting.Dispose();
        Stopped();
        TransportsLog.EndpointStopped(Log, Name);
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
        if (_clients.Count >= _maxClients)
        {
            TransportsLog.ClientRefused(Log, Name, peer, _maxClients);
            Counters.Drop("TooManyClients");
            Counters.Rejected("TooManyClients", peer);
            accepted.Socket.Dispose();
            return;
        }

        Peers.Touch(remote, 0, Time.GetUtcNow());
        IActorRef client = Context.ActorOf(ConnectionProps(accepted.Socket), $"client-{++_accepted}");
        Context.Watch(client);
        _clients[client] = peer;
        TransportsLog.ClientConnected(Log, Name, peer, _clients.Count);
    }

    private void Send(SendMessage command)
    {
        object? frame = Encode(command.Message);
        if (frame is null)
        {
            return;
        }

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
            Counters.Drop("NoClient");
            Problem("NoClient", command.To is null
                ? $"nobody to send {command.Address} to: no client is connected to {_bind}"
                : $"cannot reply to {command.To}: that client is not connected", command.To);
        }
    }

    private sealed record Accepted(Socket Socket);
}
