using NetHub.Configuration;

namespace NetHub.Hub.Cues;

/// <summary>
/// Everything /user/hub/cues runs from: the cue lists in config order (the first is the one GO drives when no list is
/// named), the scenes, the panic messages and the engine's timing. Read once from the resolved <c>nethub</c> section
/// and checked whole, so a show with a duplicate cue number, a bad target or an unknown scene is refused at start
/// with the file, line and column instead of failing at the moment someone presses GO.
/// </summary>
public sealed record CuesSettings(
    IReadOnlyList<CueListDefinition> CueLists,
    IReadOnlyList<SceneDefinition> Scenes,
    IReadOnlyList<PanicMessage> Panic,
    CueTimingSettings Cues)
{
    /// <summary>Name of the embedded reference.conf that documents every key with its default.</summary>
    public const string ReferenceResource = "NetHub.Hub.Cues.reference.conf";

    /// <summary>The embedded reference.conf, to layer under a show's files.</summary>
    public static Config Reference { get; } = Config.ParseResource(typeof(CuesSettings).Assembly, ReferenceResource);

    /// <summary>
    /// Every endpoint a send, set, scene value or panic entry names, with where it was written
    /// ("show.conf:14:17 (nethub.scenes.preshow.values."td:/gain")"), so the hub can refuse a show that names an
    /// endpoint that does not exist and point at the line.
    /// </summary>
    public IReadOnlyList<(string Endpoint, string Where)> ReferencedEndpoints { get; init; } = [];

    /// <summary>The node name put in the source of the messages cues send; the actor system's name when null.</summary>
    public string? NodeName { get; init; }

    /// <summary>Reads and checks <c>cue-lists</c>, <c>scenes</c>, <c>panic</c> and <c>cues</c> under <paramref name="nethub"/>.</summary>
    /// <exception cref="ConfigException">A key is missing, mistyped, unknown or inconsistent; the message names file:line:column and key.</exception>
    public static CuesSettings FromConfig(Config nethub)
    {
        ArgumentNullException.ThrowIfNull(nethub);
        return CuesConfigReader.Read(nethub);
    }
}
