using NetHub.Configuration;

namespace NetHub.Hub.Surfaces;

/// <summary>
/// One control surface (<c>nethub.surfaces.&lt;name&gt;</c> over <c>nethub.surface-defaults</c>): the endpoint it is
/// attached to, where feedback goes, how long peers and touches last, and its controls. The hub uses
/// <see cref="Endpoint"/> and <see cref="Targets"/> to refuse a surface that names an endpoint the node does not
/// have, before anything starts.
/// </summary>
public sealed record SurfaceSettings(
    string Endpoint,
    FeedbackMode Feedback,
    TimeSpan PeerTimeout,
    TimeSpan TouchTimeout,
    int LogMax,
    TimeSpan LogWindow,
    ControlDefaults ControlDefaults,
    IReadOnlyList<ControlSettings> Controls)
{
    public const string ReferenceResource = "NetHub.Hub.Surfaces.reference.conf";

    /// <summary>The embedded reference.conf: every key with its default.</summary>
    public static Config Reference { get; } = Config.ParseResource(typeof(SurfaceSettings).Assembly, ReferenceResource);

    /// <summary>The surface's name: its key under <c>nethub.surfaces</c> and its actor name.</summary>
    public required string Name { get; init; }

    /// <summary>Who the surface's changes and commands come from, in logs and for echo suppression: "surface tablet".</summary>
    public string Origin => $"surface {Name}";

    /// <summary>Every target the surface's controls set or show (ids filled in), each once.</summary>
    public IReadOnlyList<ValueTarget> Targets => [.. Controls.SelectMany(c => c.ValueTargets()).Distinct()];

    /// <summary>
    /// Reads every surface of the <c>nethub</c> section (keys missing there fall back to the embedded reference).
    /// A bad surface is refused with file:line:column, the key and what was expected.
    /// </summary>
    public static IReadOnlyList<SurfaceSettings> ReadAll(Config nethub)
    {
        ArgumentNullException.ThrowIfNull(nethub);
        Config section = nethub.WithFallback(Reference.GetConfig("nethub")).Resolve();
        Config surfaces = section.GetConfig("surfaces");
        Config defaults = section.GetConfig("surface-defaults");
        var result = new List<SurfaceSettings>();
        foreach (string name in surfaces.Keys)
        {
            string key = $"\"{name}\"";
            if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw surfaces.Error(key, "a surface name of letters, digits, '-' and '_' (it becomes an actor name and appears in logs)", key);
            }

            if (!surfaces.IsObject(key))
            {
                throw surfaces.Error(key, "a surface: { endpoint = tablet, controls = [ ... ] }");
            }

            Config entry = surfaces.GetConfig(key);
            foreach (string leaf in entry.LeafPaths())
            {
                if (!defaults.HasPath(leaf) && !defaults.IsNull(leaf))
                {
                    throw entry.Error(leaf, $"a surface setting ({string.Join(", ", defaults.LeafPaths())})", "an unknown key");
                }
            }

            result.Add(FromConfig(name, entry.WithFallback(defaults)));
        }

        return result;
    }

    /// <summary>Reads one surface from <paramref name="surface"/>, which holds every key of <c>surface-defaults</c>.</summary>
    public static SurfaceSettings FromConfig(string name, Config surface)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(surface);
        string endpoint = surface.GetValue("endpoint") switch
        {
            null => name,
            string text when ValueTarget.TryParse(text + ":/", out _) => text,
            _ => throw surface.Error("endpoint", "the name of an endpoint of this node (letters, digits, '-' and '_'), or null for the surface's own name"),
        };
        FeedbackMode feedback = surface.GetChoice("feedback", ("peers", FeedbackMode.Peers), ("remote", FeedbackMode.Remote), ("off", FeedbackMode.Off));
        TimeSpan peerTimeout = surface.GetPositiveDuration("peer-timeout");
        TimeSpan touchTimeout = surface.GetDuration("touch-timeout");
        if (touchTimeout < TimeSpan.Zero || touchTimeout > TimeSpan.FromMinutes(1))
        {
            throw surface.Error("touch-timeout", "a duration from 0 (no hold) to 1m", touchTimeout.ToString());
        }

        int logMax = surface.GetInt("log-max", 0, 10_000);
        TimeSpan logWindow = surface.GetPositiveDuration("log-window");
        ControlDefaults controlDefaults = ControlDefaults.FromConfig(surface.GetConfig("control-defaults"));
        IReadOnlyList<ControlSettings> controls = ControlReader.ReadAll(surface);
        return new SurfaceSettings(endpoint, feedback, peerTimeout, touchTimeout, logMax, logWindow, controlDefaults, controls) { Name = name };
    }
}
