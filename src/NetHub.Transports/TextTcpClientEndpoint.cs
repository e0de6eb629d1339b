using System.Net;
using System.Net.Sockets;
using NetHub.Messages;

namespace NetHub.Transports;

/// <summary>
/// Raw text over TCP, client side: a <see cref="TcpClientEndpoint"/> (connect, reconnect with backoff and jitter,
/// drop while disconnected) for a device or program that listens: a projector, a media server's command port, a
/// TouchDesigner TCP/IP DAT in server mode. Messages are split and joined by the endpoint's text framing.
/// </summary>
public sealed class TextTcpClientEndpoint : TcpClientEndpoint
{
    private readonly TextTcpClientSettings _settings;
    private readonly TextInbound _inbound;

    public TextTcpClientEndpoint(string name, TextTcpClientSettings settings, EndpointContext context)
        : base(name, TextTcpClientSettings.TypeName, settings?.Remote ?? throw new ArgumentNullException(nameof(settings)), settings.ConnectTimeout, settings.Reconnect, context,
            new MessageHistory(settings.HistorySize, packet => TextCodec.Describe(packet, settings.Encoding)))
    {
        _settings = settings;
        _inbound = new TextInbound(name, context, settings.Address, settings.Encoding, settings.Framing, (int)settings.MaxMessage, Counters, History, Log);
    }

    private protected override string Describe => $"TCP text, {TextCodec.Name(_settings.Framing)} framing";

    private protected override Task<string> ReadAsync(Socket socket, IPEndPoint remote, string peer, CancellationToken cancellationToken) =>
        TextStream.RunAsync(
            socket,
            _inbound.CreateFramer(() => peer),
            _inbound,
            received =>
            {
                Counters.PacketIn(received);
                Peers.Touch(remote, received, Time.GetUtcNow());
            },
            cancellationToken);

    private protected override byte[]? Encode(HubMessage message, out ReadOnlyMemory<byte> content)
    {
        byte[]? frame = _inbound.Encode(message, out int length);
        content = frame is null ? default : frame.AsMemory(0, length);
        return frame;
    }

    private protected override void Problem(string reason, string detail, string? peer = null) => _inbound.Problem(reason, detail, peer);
}
