using NetHub.Configuration;
using NetHub.Hub.Transforms;

namespace NetHub.Hub.Routing;

/// <summary>The router's configuration: routes, loop protection (<c>nethub.router</c>) and OSC control (<c>nethub.osc-control</c>).</summary>
public sealed record RouterSettings(
    IReadOnlyList<RouteSettings> Routes,
    TimeSpan LoopWindow,
    int LoopMemory,
    OscControlSettings OscControl,
    TextCommandSettings Commands)
{
    /// <summary>Whether UDP receive threads may run the router (<c>nethub.router.run-on-receive-threads</c>; see InlineRuns).</summary>
    public bool RunsOnReceiveThreads { get; init; } = true;

    private static readonly string[] RouteKeys = ["from", "address", "to", "transforms", "lane", "echo"];

    /// <summary>
    /// Reads the <c>nethub</c> section. <paramref name="endpoints"/> are the configured endpoint names: a route or
    /// control setting naming another is refused with its location and the names that exist.
    /// </summary>
    public static RouterSettings FromConfig(Config nethub, IReadOnlyCollection<string> endpoints)
    {
        ArgumentNullException.ThrowIfNull(nethub);
        ArgumentNullException.ThrowIfNull(endpoints);
        Config router = nethub.GetConfig("router");
        Config control = nethub.GetConfig("osc-control");
        string prefix = control.GetString("prefix");
        if (!prefix.StartsWith('/') || prefix.EndsWith('/') || NetHub.Osc.OscAddress.Explain(prefix) is { } problem)
        {
            throw control.Error("prefix", "an OSC address such as \"/nethub\"", $"\"{prefix}\"");
        }

        return new RouterSettings(
            ReadRoutes(nethub, endpoints),
            router.GetPositiveDuration("loop-window"),
            router.GetInt("loop-memory", 16, 1_000_000),
            new OscControlSettings(control.GetBoolean("enabled"), prefix, Endpoints(control, "endpoints", endpoints)),
            new TextCommandSettings(Endpoints(nethub.GetConfig("commands"), "json", endpoints), Endpoints(nethub.GetConfig("commands"), "cmd", endpoints)))
        {
            RunsOnReceiveThreads = router.GetBoolean("run-on-receive-threads"),
        };
    }

    private static List<RouteSettings> ReadRoutes(Config nethub, IReadOnlyCollection<string> endpoints)
    {
        Config routes = nethub.GetConfig("routes");
        Config defaults = nethub.GetConfig("route-defaults");
        var result = new List<RouteSettings>();
        foreach (string name in routes.Keys)
        {
            string key = $"\"{name}\"";
            if (!RouteAddress.IsName(name))
            {
                throw routes.Error(key, "a route name of letters, digits, '-' and '_'", key);
            }

            if (!routes.IsObject(key))
            {
                throw routes.Error(key, "a route: { address = \"/fader/{n}\", to = [td] ... }");
            }

            Config entry = routes.GetConfig(key);
            foreach (string leaf in entry.Keys)
            {
                if (!RouteKeys.Contains(leaf, StringComparer.Ordinal))
                {
                    throw entry.Error(leaf, $"a route setting ({string.Join(", ", RouteKeys)})", "an unknown key");
                }
            }

            result.Add(ReadRoute(name, entry.WithFallback(defaults), endpoints));
        }

        return result;
    }

    private static RouteSettings ReadRoute(string name, Config route, IReadOnlyCollection<string> endpoints)
    {
        if (!route.HasPath("address"))
        {
            throw route.Error("address", "the OSC address pattern the route takes, e.g. \"/fader/{n}\" (\"//*\" for everything)");
        }

        string text = route.GetString("address");
        if (!RouteAddress.TryParse(text, out RouteAddress? address, out string? error))
        {
            throw route.Error("address", "an OSC address pattern", $"\"{text}\": {error}");
        }

        if (!route.HasPath("to"))
        {
            throw route.Error("to", "the endpoints the route sends to, e.g. [td] or [\"td:/mixer/ch/{n}/gain\"]");
        }

        var targets = new List<RouteTarget>();
        IReadOnlyList<string> to = route.GetStringList("to");
        if (to.Count == 0)
        {
            throw route.Error("to", "at least one endpoint", "an empty list");
        }

        for (int i = 0; i < to.Count; i++)
        {
            targets.Add(ReadTarget(route, $"to[{i}]", to[i], address, endpoints));
        }

        return new RouteSettings(
            name,
            Endpoints(route, "from", endpoints),
            address,
            targets,
            TransformChain.Parse(route, "transforms"),
            route.GetChoice("lane", [("reliable", Lane.Reliable), ("latest-value", Lane.LatestValue)]),
            route.GetBoolean("echo"));
    }

    private static RouteTarget ReadTarget(Config route, string where, string text, RouteAddress address, IReadOnlyCollection<string> endpoints)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string endpoint = colon < 0 ? text : text[..colon];
        if (!endpoints.Contains(endpoint, StringComparer.Ordinal))
        {
            throw route.Error("to", $"endpoints that exist ({Names(endpoints)}); {where} names '{endpoint}'", $"\"{text}\"");
        }

        if (colon < 0)
        {
            return new RouteTarget(endpoint, null);
        }

        if (!AddressTemplate.TryParse(text[(colon + 1)..], out AddressTemplate? template, out string? error))
        {
            throw route.Error("to", $"\"endpoint\" or \"endpoint:/address\" with captures {{name}}; {where}: {error}", $"\"{text}\"");
        }

        string? unknown = template.Captures.FirstOrDefault(c => !address.Names.Contains(c, StringComparer.Ordinal));
        if (unknown is not null)
        {
            string known = address.Names.Count == 0 ? "the address captures nothing" : $"captures are {string.Join(", ", address.Names.Select(n => $"{{{n}}}"))}";
            throw route.Error("to", $"captures of the route's address ({known}); {where} uses {{{unknown}}}", $"\"{text}\"");
        }

        return new RouteTarget(endpoint, template);
    }

    private static List<string> Endpoints(Config config, string path, IReadOnlyCollection<string> endpoints)
    {
        IReadOnlyList<string> names = config.GetStringList(path);
        foreach (string name in names)
        {
            if (!endpoints.Contains(name, StringComparer.Ordinal))
            {
                throw config.Error(path, $"endpoints that exist ({Names(endpoints)})", $"'{name}'");
            }
        }

        return [.. names];
    }

    private static string Names(IReadOnlyCollection<string> endpoints) => endpoints.Count == 0 ? "none is configured" : string.Join(", ", endpoints);
}
