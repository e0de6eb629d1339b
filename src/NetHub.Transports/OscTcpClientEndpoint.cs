using System.Net;
using System.Net.Sockets;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>
/// OSC over TCP, client side: a <see cref="TcpClientEndpoint"/> (connect, reconnect with backoff and jitter, drop
/// while disconnected) that reads and writes OSC packets in the endpoint's framing, size-prefix or SLIP.
/// </summary>
public sealed class OscTcpClientEndpoint : TcpClientEndpoint
{
    private readonly OscTcpClientSettings _settings;
    private readonly OscInbound _inbound;

    public OscTcpClientEndpoint(string name, OscTcpClientSettings settings, EndpointContext context)
        : base(name, OscTcpClientSettings.TypeName, settings?.Remote ?? throw new ArgumentNullException(nameof(settings)), settings.ConnectTimeout, settings.Reconnect, context,
            new MessageHistory(settings.HistorySize, settings.Limits.ToOscLimits()))
    {
        _settings = settings;
        _inbound = new OscInbound(name, context, settings.Bundles, settings.Limits.ToOscLimits(), Counters, History, Log);
    }

    private protected override string Describe => $"TCP, {(_settings.Framing == OscFraming.Slip ? "SLIP" : "size-prefix")} framing";

    private protected override Task<string> ReadAsync(Socket socket, IPEndPoint remote, string peer, CancellationToken cancellationToken) =>
        FramedReader.RunAsync(
            socket,
            _settings.Framing,
            _inbound.Limits.MaxPacketSize,
            packet =>
            {
                DateTimeOffset now = Time.GetUtcNow();
                Peers.Touch(remote, packet.Length, now);
                _inbound.Process(packet, peer, now);
            },
            error => _inbound.Reject(error, peer),
            cancellationToken);

    private protected override byte[]? Encode(HubMessage message, out ReadOnlyMemory<byte> content)
    {
        try
        {
            (byte[] frame, byte[] packet) = FramedReader.Frame(_settings.Framing, OscUdpEndpoint.ToPacket(message));
            content = packet;
            return frame;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            Counters.Drop("Unconvertible");
            _inbound.Problem("Unconvertible", $"cannot send {message.Address} as OSC: {ex.Message}");
            content = default;
            return null;
        }
    }

    private protected override void Problem(string reason, string detail, string? peer = null) => _inbound.Problem(reason, detail, peer);

    private protected override void Stopped() => _inbound.CancelScheduled();
}
