using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary>A <c>tcp-server</c> text endpoint (defaults: <c>nethub.endpoint-defaults.tcp-server</c>).</summary>
public sealed record TextTcpServerSettings(
    string Bind,
    int MaxClients,
    string Address,
    TextEncoding Encoding,
    TextFraming Framing,
    long MaxMessage,
    int HistorySize,
    RestartSettings Restart) : IEndpointSettings
{
    public const string TypeName = "tcp-server";

    public static TextTcpServerSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new TextTcpServerSettings(
            NetAddress.CheckBind(c, "bind", allowEmpty: false),
            c.GetInt("max-clients", 1, 10_000),
            TextSettingsReader.ReadAddress(c),
            TextSettingsReader.ReadEncoding(c),
            TextSettingsReader.ReadFraming(c),
            TextSettingsReader.ReadMaxMessage(c),
            c.GetInt("history-size", 0, 100_000),
            RestartSettings.FromConfig(c.GetConfig("restart")));
    }
}
