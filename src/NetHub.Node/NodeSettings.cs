using Microsoft.Extensions.Logging;
using NetHub.Configuration;
using NetHub.Node.Control;

namespace NetHub.Node;

/// <summary>
/// Typed <c>nethub.node</c>; every key of the embedded reference.conf maps to one property. <see cref="Control"/>
/// carries the <c>nethub.control</c> section of the same file, read (and so validated) with the node's settings.
/// </summary>
public sealed record NodeSettings(string Name, string SystemName, LogLevel LogLevel, LogFormat LogFormat, TimeSpan StopTimeout)
{
    /// <summary>The node's local control API (<c>nethub.control</c>, see <see cref="ControlSettings"/>).</summary>
    public ControlSettings Control { get; init; } = ControlSettings.Default;

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

        LogLevel level = c.GetChoice(
            "log-level",
            ("trace", LogLevel.Trace),
            ("debug", LogLevel.Debug),
            ("information", LogLevel.Information),
            ("warning", LogLevel.Warning),
            ("error", LogLevel.Error),
            ("critical", LogLevel.Critical));
        LogFormat format = c.GetChoice("log-format", ("simple", LogFormat.Simple), ("json", LogFormat.Json));
        TimeSpan stop = c.GetPositiveDuration("stop-timeout");
        return new NodeSettings(name == "auto" || name.Length == 0 ? Environment.MachineName : name, systemName, level, format, stop)
        {
            Control = ControlSettings.FromConfig(config),
        };
    }
}
