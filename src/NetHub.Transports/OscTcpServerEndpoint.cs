using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>
/// OSC over TCP, server side: a <see cref="TcpServerEndpoint"/> whose clients are each handled by an
/// <see cref="OscTcpConnection"/> child reading and writing OSC packets in the endpoint's framing, size-prefix or SLIP.
/// </summary>
public sealed class OscTcpServerEndpoint : TcpServerEndpoint
{
    private readonly OscTcpServerSettings _settings;
    private readonly OscInbound _inbound;

    public OscTcpServerEndpoint(string name, OscTcpServerSettings settings, EndpointContext context)
        : base(name, OscTcpServerSettings.TypeName, settings?.Bind ?? throw new ArgumentNullException(nameof(settings)), settings.MaxClients, context,
            new MessageHistory(settings.HistorySize, settings.Limits.ToOscLimits()))
    {
        _settings = settings;
        _inbound = new OscInbound(name, context, settings.Bundles, settings.Limits.ToOscLimits(), Counters, History, Log);
    }

    private protected override string Describe => $"TCP, {(_settings.Framing == OscFraming.Slip ? "SLIP" : "size-prefix")} framing";

    private protected override Props ConnectionProps(Socket socket) =>
        Props.Create(() => new OscTcpConnection(socket, Name, _settings.Framing, _inbound, Counters, History, Peers, Time));

    private protected override object? Encode(HubMessage message)
    {
        try
        {
            (byte[] frame, byte[] packet) = FramedReader.Frame(_settings.Framing, OscUdpEndpoint.ToPacket(message));
            return new OscTcpConnection.SendFrame(frame, packet);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            Counters.Drop("Unconvertible");
            _inbound.Problem("Unconvertible", $"cannot send {message.Address} as OSC: {ex.Message}");
            return null;
        }
    }

    private protected override void Problem(string reason, string detail, string? peer = null) => _inbound.Problem(reason, detail, peer);

    private protected override void Stopped() => _inbound.CancelScheduled();
}
