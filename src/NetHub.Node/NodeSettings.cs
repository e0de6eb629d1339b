using Microsoft.Extensions.Logging;
using NetHub.Configuration;

namespace NetHub.Node;

/// <summary>Typed <c>nethub.node</c>; every key of the embedded reference.conf maps to one property.</summary>
public sealed record NodeSettings(string Name, string SystemName, LogLevel LogLevel, LogFormat LogFormat, TimeSpan StopTimeout)
{
    public const string Section = "nethub.node";

    public const string ReferenceResource = "NetHub.Node.reference.conf";

    public static Config Reference { get; } = Config.ParseResource(typeof(NodeSettings).Assembly, ReferenceResource);

    public static NodeSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config c = config.GetConfig(Section);
        string name = c.GetString("name");
        string systemName = c.GetString("system-name");
        if (systemName.Length == 0 || !systemName.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
        {
            throw c.Error("system-name", "letters, digits and '-'", $"\"{systemName}\"");
        }

        LogLevel level = c.GetString("log-level") switch
        {
            "trace" => LogLevel.Trace,
            "debug" => LogLevel.Debug,
            "information" or "info" => LogLevel.Information,
            "warning" => LogLevel.Warning,
            "error" => LogLevel.Error,
            "critical" => LogLevel.Critical,
            string other => throw c.Error("log-level", "trace, debug, information, warning, error or critical", $"\"{other}\""),
        };
        LogFormat format = c.GetString("log-format") switch
        {
            "simple" => LogFormat.Simple,
            "json" => LogFormat.Json,
            string other => throw c.Error("log-format", "simple or json", $"\"{other}\""),
        };
        TimeSpan stop = c.GetDuration("stop-timeout");
        if (stop <= TimeSpan.Zero)
        {
            throw c.Error("stop-timeout", "a duration above zero", stop.ToString());
        }

        return new NodeSettings(name == "auto" || name.Length == 0 ? Environment.MachineName : name, systemName, level, format, stop);
    }
}
