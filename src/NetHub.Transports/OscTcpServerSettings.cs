using NetHub.Configuration;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>An <c>osc-tcp-server</c> endpoint (defaults: <c>nethub.endpoint-defaults.osc-tcp-server</c>).</summary>
public sealed record OscTcpServerSettings(
    string Bind,
    OscFraming Framing,
    int MaxClients,
    BundleSettings Bundles,
    PacketLimitsSettings Limits,
    int HistorySize,
    RestartSettings Restart) : IEndpointSettings
{
    public const string TypeName = "osc-tcp-server";

    public static OscTcpServerSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new OscTcpServerSettings(
            NetAddress.CheckBind(c, "bind", allowEmpty: false),
            ReadFraming(c),
            c.GetInt("max-clients", 1, 10_000),
            BundleSettings.FromConfig(c.GetConfig("bundles")),
            PacketLimitsSettings.FromConfig(c.GetConfig("limits")),
            c.GetInt("history-size", 0, 100_000),
            RestartSettings.FromConfig(c.GetConfig("restart")));
    }

    internal static OscFraming ReadFraming(Config c) =>
        c.GetChoice("framing", ("size-prefix", OscFraming.SizePrefix), ("slip", OscFraming.Slip));
}
