using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary>A <c>tcp-client</c> text endpoint (defaults: <c>nethub.endpoint-defaults.tcp-client</c>).</summary>
public sealed record TextTcpClientSettings(
    string Remote,
    TimeSpan ConnectTimeout,
    ReconnectSettings Reconnect,
    string Address,
    TextEncoding Encoding,
    TextFraming Framing,
    long MaxMessage,
    int HistorySize,
    RestartSettings Restart) : IEndpointSettings
{
    public const string TypeName = "tcp-client";

    public static TextTcpClientSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new TextTcpClientSettings(
            NetAddress.CheckRemote(c, "remote", allowEmpty: false),
            c.GetPositiveDuration("connect-timeout"),
            ReconnectSettings.FromConfig(c.GetConfig("reconnect")),
            TextSettingsReader.ReadAddress(c),
            TextSettingsReader.ReadEncoding(c),
            TextSettingsReader.ReadFraming(c),
            TextSettingsReader.ReadMaxMessage(c),
            c.GetInt("history-size", 0, 100_000),
            RestartSettings.FromConfig(c.GetConfig("restart")));
    }
}
