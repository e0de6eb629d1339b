using NetHub.Configuration;
using NetHub.Hub.Cues;
using NetHub.Hub.History;
using NetHub.Hub.Routing;
using NetHub.Hub.Surfaces;
using NetHub.Transports;

namespace NetHub.Hub;

/// <summary>
/// Everything a show configures around the endpoints: routes, cue lists, scenes and panic, surfaces, history. Read
/// together so that a name used in one place (an endpoint in a route, a cue or a surface) is checked against what is
/// configured, and a show that names an endpoint that does not exist is refused at start with the place it is named.
/// </summary>
public sealed record HubSettings(RouterSettings Router, CuesSettings Cues, IReadOnlyList<SurfaceSettings> Surfaces, HistorySettings History)
{
    public const string ReferenceResource = "NetHub.Hub.reference.conf";

    /// <summary>The hub's reference.conf and those of cues, surfaces, history (transforms have none).</summary>
    public static Config Reference { get; } = Config.ParseResource(typeof(HubSettings).Assembly, ReferenceResource)
        .WithFallback(Config.ParseResource(typeof(CuesSettings).Assembly, "NetHub.Hub.Cues.reference.conf"))
        .WithFallback(Config.ParseResource(typeof(SurfaceSettings).Assembly, "NetHub.Hub.Surfaces.reference.conf"))
        .WithFallback(Config.ParseResource(typeof(HistorySettings).Assembly, "NetHub.Hub.History.reference.conf"));

    /// <summary>Reads the resolved configuration's <c>nethub</c> section for a node with <paramref name="endpoints"/>.</summary>
    public static HubSettings FromConfig(Config config, IReadOnlyList<EndpointDefinition> endpoints)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(endpoints);
        Config nethub = config.GetConfig("nethub");
        string[] names = [.. endpoints.Select(e => e.Name)];
        CuesSettings cues = CuesSettings.FromConfig(nethub);
        foreach ((string endpoint, string where) in cues.ReferencedEndpoints)
        {
            CheckEndpoint(endpoint, where, names);
        }

        IReadOnlyList<SurfaceSettings> surfaces = SurfaceSettings.ReadAll(nethub);
        foreach (SurfaceSettings surface in surfaces)
        {
            CheckEndpoint(surface.Endpoint, $"nethub.surfaces.{surface.Name}.endpoint", names);
            foreach (ValueTarget target in surface.Targets)
            {
                CheckEndpoint(target.Endpoint, $"nethub.surfaces.{surface.Name}: target {target}", names);
            }
        }

        RouterSettings router = RouterSettings.FromConfig(nethub, names);
        CheckTextEndpoints(nethub.GetConfig("commands"), "json", router.Commands.Json, endpoints);
        CheckTextEndpoints(nethub.GetConfig("commands"), "cmd", router.Commands.Cmd, endpoints);
        return new HubSettings(router, cues, surfaces, HistorySettings.FromConfig(nethub));
    }

    /// <summary>JSON commands and CMD: lines come as text: an OSC endpoint listed for them could never take one.</summary>
    private static void CheckTextEndpoints(Config commands, string key, IReadOnlyList<string> listed, IReadOnlyList<EndpointDefinition> endpoints)
    {
        foreach (string name in listed)
        {
            if (endpoints.FirstOrDefault(e => e.Name == name) is { ReceivesText: false } osc)
            {
                throw commands.Error(
                    key,
                    $"text endpoints (udp, tcp-server, tcp-client): '{name}' is an {osc.Type} endpoint, which receives OSC, so a command could never arrive there as text; send it OSC commands under /nethub instead (nethub.osc-control)",
                    $"'{name}'");
            }
        }
    }

    private static void CheckEndpoint(string endpoint, string where, string[] names)
    {
        if (!names.Contains(endpoint, StringComparer.Ordinal))
        {
            string known = names.Length == 0 ? "no endpoint is configured" : $"endpoints are {string.Join(", ", names)}";
            throw new ConfigException($"{where}: names endpoint '{endpoint}', which is not configured ({known}); add it under nethub.endpoints or fix the name");
        }
    }
}
