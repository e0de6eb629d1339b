using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Hub;
using NetHub.Transports;

namespace NetHub.Node;

/// <summary>
/// The node's configuration, layered as Akka does it: each module's embedded reference.conf, then
/// the configuration files (later files win), then <c>--set key=value</c> overrides (later wins), then
/// substitutions resolved (<c>${?ENV}</c> included). Loading also builds every settings record, so
/// a bad value is refused at start with its file, line, column and key.
/// </summary>
public sealed record NodeConfiguration(
    Config Config,
    NodeSettings Node,
    ActorSettings Actors,
    IReadOnlyList<EndpointDefinition> Endpoints,
    HubSettings Hub,
    IReadOnlyList<string> Sources)
{
    /// <summary>The shipped configuration, copied next to the executable.</summary>
    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "nethub.conf");

    /// <summary>Every module's reference configuration, merged.</summary>
    public static Config References => NodeSettings.Reference.WithFallback(ActorSettings.Reference).WithFallback(EndpointConfiguration.Reference).WithFallback(HubSettings.Reference);

    /// <summary>Loads and validates; throws <see cref="ConfigException"/> with the location of the problem.</summary>
    public static NodeConfiguration Load(IReadOnlyList<string> files, IReadOnlyList<string> overrides, ConfigResolveOptions? resolve = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(overrides);
        var sources = new List<string>();
        Config merged = References;
        foreach (string file in files)
        {
            if (!File.Exists(file))
            {
                throw new ConfigParseException($"{file}: configuration file not found (working directory {Environment.CurrentDirectory})");
            }

            merged = Config.ParseFile(file).WithFallback(merged);
            sources.Add(Path.GetFullPath(file));
        }

        for (int i = 0; i < overrides.Count; i++)
        {
            merged = ParseOverride(overrides[i], i + 1).WithFallback(merged);
            sources.Add($"--set {overrides[i]}");
        }

        Config resolved = merged.Resolve(resolve);
        IReadOnlyList<EndpointDefinition> endpoints = EndpointConfiguration.Read(resolved);
        return new NodeConfiguration(resolved, NodeSettings.FromConfig(resolved), ActorSettings.FromConfig(resolved), endpoints, HubSettings.FromConfig(resolved, endpoints), sources);
    }

    /// <summary><c>nethub.node.name=stage-left</c> is parsed as the HOCON line <c>nethub.node.name = stage-left</c>.</summary>
    private static Config ParseOverride(string setting, int index)
    {
        int eq = setting.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new ConfigParseException($"--set {setting}: expected key=value, for example --set nethub.node.name=stage-left");
        }

        string key = setting[..eq].Trim();
        string value = setting[(eq + 1)..].Trim();
        return Config.Parse($"{key} = {value}", $"--set #{index}");
    }
}
