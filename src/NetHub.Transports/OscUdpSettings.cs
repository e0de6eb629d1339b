using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary>An <c>osc-udp</c> endpoint (defaults: <c>nethub.endpoint-defaults.osc-udp</c>).</summary>
public sealed record OscUdpSettings(
    string Bind,
    string Remote,
    bool Broadcast,
    MulticastSettings Multicast,
    long ReceiveBuffer,
    BundleSettings Bundles,
    PacketLimitsSettings Limits,
    PeerSettings Peers,
    int HistorySize,
    RestartSettings Restart) : IEndpointSettings
{
    public const string TypeName = "osc-udp";

    public static OscUdpSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        string bind = NetAddress.CheckBind(c, "bind", allowEmpty: true);
        string remote = NetAddress.CheckRemote(c, "remote", allowEmpty: true);
        if (bind.Length == 0 && remote.Length == 0)
        {
            throw c.Error("bind", "a bind address, a remote address, or both (an endpoint that neither listens nor sends does nothing)");
        }

        var settings = new OscUdpSettings(
            bind,
            remote,
            c.GetBoolean("broadcast"),
            MulticastSettings.FromConfig(c.GetConfig("multicast")),
            c.GetBytes("receive-buffer", 0, 256L * 1024 * 1024),
            BundleSettings.FromConfig(c.GetConfig("bundles")),
            PacketLimitsSettings.FromConfig(c.GetConfig("limits")),
            PeerSettings.FromConfig(c.GetConfig("peers")),
            c.GetInt("history-size", 0, 100_000),
            RestartSettings.FromConfig(c.GetConfig("restart")));
        if (settings.Multicast.Group.Length > 0 && bind.Length == 0)
        {
            throw c.Error("multicast.group", "a bind address too: the group is received on the bind port");
        }

        return settings;
    }
}
