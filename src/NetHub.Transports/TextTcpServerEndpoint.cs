using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Messages;

namespace NetHub.Transports;

/// <summary>
/// Raw text over TCP, server side: the "TCP/IP DAT in server mode" of a TouchDesigner network manager. A
/// <see cref="TcpServerEndpoint"/> whose clients are each handled by a <see cref="TextConnection"/> child that cuts
/// its stream into messages by the endpoint's framing.
/// </summary>
public sealed class TextTcpServerEndpoint : TcpServerEndpoint
{
    private readonly TextInbound _inbound;

    public TextTcpServerEndpoint(string name, TextTcpServerSettings settings, EndpointContext context)
        : base(name, TextTcpServerSettings.TypeName, settings?.Bind ?? throw new ArgumentNullException(nameof(settings)), settings.MaxClients, context,
            new MessageHistory(settings.HistorySize, packet => TextCodec.Describe(packet, settings.Encoding)))
    {
        _inbound = new TextInbound(name, context, settings.Address, settings.Encoding, settings.Framing, (int)settings.MaxMessage, Counters, History, Log);
        Framing = settings.Framing;
    }

    private TextFraming Framing { get; }

    private protected override string Describe => $"TCP text, {TextCodec.Name(Framing)} framing";

    private protected override Props ConnectionProps(Socket socket) =>
        Props.Create(() => new TextConnection(socket, Name, _inbound, Counters, Peers, Time));

    private protected override object? Encode(HubMessage message)
    {
        byte[]? frame = _inbound.Encode(message, out int length);
        return frame is null ? null : new TextConnection.SendText(frame, length);
    }

    private protected override void Problem(string reason, string detail, string? peer = null) => _inbound.Problem(reason, detail, peer);
}
