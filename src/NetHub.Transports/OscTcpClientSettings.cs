using NetHub.Configuration;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>An <c>osc-tcp-client</c> endpoint (defaults: <c>nethub.endpoint-defaults.osc-tcp-client</c>).</summary>
public sealed record OscTcpClientSettings(
    string Remote,
    OscFraming Framing,
    TimeSpan ConnectTimeout,
    ReconnectSettings Reconnect,
    BundleSettings Bundles,
    PacketLimitsSettings Limits,
    int HistorySize,
    RestartSettings Restart) : IEndpointSettings
{
    public const string TypeName = "osc-tcp-client";

    public static OscTcpClientSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new OscTcpClientSettings(
            NetAddress.CheckRemote(c, "remote", allowEmpty: false),
            OscTcpServerSettings.ReadFraming(c),
            c.GetPositiveDuration("connect-timeout"),
            ReconnectSettings.FromConfig(c.GetConfig("reconnect")),
            BundleSettings.FromConfig(c.GetConfig("bundles")),
            PacketLimitsSettings.FromConfig(c.GetConfig("limits")),
            c.GetInt("history-size", 0, 100_000),
            RestartSettings.FromConfig(c.GetConfig("restart")));
    }
}
