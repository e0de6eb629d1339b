using System.Reflection;

namespace NetHub.Configuration;

/// <summary>
/// An immutable HOCON configuration, or a view of one of its objects (<see cref="GetConfig"/>). Parse each
/// source, layer them with <see cref="WithFallback"/>, call <see cref="Resolve"/> once, then read typed
/// values. Every error names the file, line, column and full key path.
/// </summary>
/// <remarks>
/// Substitution paths are absolute, so resolve the whole configuration before taking views of it:
/// resolving a view resolves against the view's own root.
/// </remarks>
public sealed partial class Config
{
    private static readonly ConfigOrigin NoOrigin = new("<empty>", 1, 1);

    private readonly HoconObject _root;
    private readonly ConfigReadLog? _log;

    internal Config(HoconObject root, string path, ConfigReadLog? log)
    {
        _root = root;
        Path = path;
        _log = log;
    }

    public static Config Empty { get; } = new(HoconObject.Empty(NoOrigin), string.Empty, null);

    /// <summary>True when no substitution is left, so values can be read.</summary>
    public bool IsResolved => _root.IsResolved;

    public bool IsEmpty => _root.Count == 0;

    /// <summary>Full path of this view: empty for the root, <c>nethub.actors</c> for <c>GetConfig("nethub.actors")</c>.</summary>
    public string Path { get; }

    internal HoconObject Root => _root;

    /// <summary>Parses HOCON text without resolving substitutions. Relative includes resolve against the directory of <paramref name="origin"/>.</summary>
    public static Config Parse(string text, string origin = "<string>", ConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(origin);
        HoconIncluder includer = HoconIncluder.ForFiles(options ?? ConfigParseOptions.Default);
        return new Config(includer.ParseRoot(text, origin), string.Empty, null);
    }

    /// <summary>Parses a file without resolving substitutions; errors name the file by <paramref name="path"/> as given.</summary>
    public static Config ParseFile(string path, ConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        HoconIncluder includer = HoconIncluder.ForFiles(options ?? ConfigParseOptions.Default);
        string text = includer.ReadRequired(path, path);
        return new Config(includer.ParseRoot(text, path), string.Empty, null);
    }

    /// <summary>Parses an embedded resource (such as a module's <c>reference.conf</c>); includes name other resources of the same assembly.</summary>
    public static Config ParseResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        HoconIncluder includer = HoconIncluder.ForResources(assembly);
        string text = includer.ReadRequired(resourceName, "resource:" + resourceName);
        return new Config(includer.ParseRoot(text, "resource:" + resourceName), string.Empty, null);
    }

    /// <summary>
    /// Layers this configuration over <paramref name="fallback"/>: keys here win, objects merge deeply, and
    /// self-references here (<c>path = ${path} [x]</c>) see the fallback's value.
    /// </summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (fallback.IsEmpty)
        {
            return this;
        }

        HoconObject root = IsEmpty ? fallback._root : HoconMerger.MergeObjects(_root, fallback._root);
        return new Config(root, Path, _log);
    }

    /// <summary>Resolves every substitution against the root of this configuration.</summary>
    public Config Resolve(ConfigResolveOptions? options = null)
    {
        if (IsResolved)
        {
            return this;
        }

        Func<string, string?> environment = options?.Environment ?? System.Environment.GetEnvironmentVariable;
        return new Config(HoconResolver.Resolve(_root, environment), Path, _log);
    }

    /// <summary>A view that records into <paramref name="log"/> the full path of every leaf value read through it or its children.</summary>
    public Config Track(ConfigReadLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new Config(_root, Path, log);
    }

    /// <summary>
    /// The configuration as HOCON, keys in order, each leaf followed by a <c># file:line</c> comment naming
    /// where it was set. Parsing the output gives the same values.
    /// </summary>
    public string Render()
    {
        return IsResolved
            ? HoconRenderer.Render(_root)
            : throw new ConfigValueException(OriginOrNull(_root), NullIfEmpty(Path), "a resolved configuration (call Resolve() before Render())", "unresolved substitutions");
    }

    private static ConfigOrigin? OriginOrNull(HoconValue value) => ReferenceEquals(value.Origin, NoOrigin) ? null : value.Origin;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
