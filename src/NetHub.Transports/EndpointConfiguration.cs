using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary>
/// Reads <c>nethub.endpoints</c>: each entry names a <c>type</c> and overrides that type's defaults
/// from <c>nethub.endpoint-defaults</c>. A key the type does not have (a typo such as <c>bnid</c>) is
/// refused with its location and the keys that exist, rather than silently ignored.
/// </summary>
public static class EndpointConfiguration
{
    public const string ReferenceResource = "NetHub.Transports.reference.conf";

    public static Config Reference { get; } = Config.ParseResource(typeof(EndpointConfiguration).Assembly, ReferenceResource);

    public static IReadOnlyList<string> Types { get; } =
        [TextUdpSettings.TypeName, TextTcpServerSettings.TypeName, TextTcpClientSettings.TypeName, OscUdpSettings.TypeName, OscTcpServerSettings.TypeName, OscTcpClientSettings.TypeName];

    public static IReadOnlyList<EndpointDefinition> Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config endpoints = config.GetConfig("nethub.endpoints");
        Config defaults = config.GetConfig("nethub.endpoint-defaults");
        var result = new List<EndpointDefinition>();
        foreach (string name in endpoints.Keys)
        {
            if (name.Length == 0 || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw endpoints.Error(Quote(name), "an endpoint name of letters, digits, '-' and '_' (it becomes part of actor paths and logs)", $"\"{name}\"");
            }

            Config entry = endpoints.GetConfig(Quote(name));
            if (!entry.HasPath("type"))
            {
                throw endpoints.Error(Quote(name), $"a type: one of {string.Join(", ", Types)}");
            }

            string type = entry.GetChoice("type", [.. Types.Select(t => (t, t))]);
            Config typeDefaults = defaults.GetConfig(type);
            foreach (string key in entry.LeafPaths())
            {
                if (key != "type" && !typeDefaults.HasPath(key) && !typeDefaults.IsNull(key))
                {
                    throw entry.Error(key, $"a setting of an {type} endpoint ({string.Join(", ", typeDefaults.LeafPaths())})", "an unknown key");
                }
            }

            Config merged = entry.WithFallback(typeDefaults);
            IEndpointSettings settings = type switch
            {
                OscUdpSettings.TypeName => OscUdpSettings.FromConfig(merged),
                OscTcpServerSettings.TypeName => OscTcpServerSettings.FromConfig(merged),
                OscTcpClientSettings.TypeName => OscTcpClientSettings.FromConfig(merged),
                TextUdpSettings.TypeName => TextUdpSettings.FromConfig(merged),
                TextTcpServerSettings.TypeName => TextTcpServerSettings.FromConfig(merged),
                _ => TextTcpClientSettings.FromConfig(merged),
            };
            result.Add(new EndpointDefinition(name, type, settings));
        }

        return result;
    }

    private static string Quote(string key) => $"\"{key}\"";
}
