using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary>A <c>udp</c> text endpoint (defaults: <c>nethub.endpoint-defaults.udp</c>).</summary>
public sealed record TextUdpSettings(
    string Bind,
    string Remote,
    bool Broadcast,
    string Address,
    TextEncoding Encoding,
    TextFraming Framing,
    long MaxMessage,
    long ReceiveBuffer,
    PeerSettings Peers,
    int HistorySize,
    RestartSettings Restart) : IEndpointSettings
{
    public const string TypeName = "udp";

    /// <summary>The largest UDP payload (IPv4: 65535 minus the IP and UDP headers).</summary>
    public const int MaxDatagram = 65507;

    public static TextUdpSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        string bind = NetAddress.CheckBind(c, "bind", allowEmpty: true);
        string remote = NetAddress.CheckRemote(c, "remote", allowEmpty: true);
        if (bind.Length == 0 && remote.Length == 0)
        {
            throw c.Error("bind", "a bind address, a remote address, or both (an endpoint that neither listens nor sends does nothing)");
        }

        return new TextUdpSettings(
            bind,
            remote,
            c.GetBoolean("broadcast"),
            TextSettingsReader.ReadAddress(c),
            TextSettingsReader.ReadEncoding(c),
            TextSettingsReader.ReadFraming(c),
            TextSettingsReader.ReadMaxMessage(c, MaxDatagram),
            c.GetBytes("receive-buffer", 0, 256L * 1024 * 1024),
            PeerSettings.FromConfig(c.GetConfig("peers")),
            c.GetInt("history-size", 0, 100_000),
            RestartSettings.FromConfig(c.GetConfig("restart")));
    }
}
