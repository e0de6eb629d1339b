using System.Reflection;
using System.Text;

namespace NetHub.Configuration;

/// <summary>
/// Finds and parses included files (HOCON spec, "Include semantics: locating resources" and "missing
/// files"): relative names resolve against the including file's directory, never the working directory;
/// a missing file is ignored unless the include is <c>required(...)</c>. Guards against include cycles and
/// too-deep include chains.
/// </summary>
internal sealed class HoconIncluder
{
    private const string ResourcePrefix = "resource:";

    private readonly Func<string, string?> _read;
    private readonly bool _resources;
    private readonly List<string> _open = [];
    private long _totalLength;

    private HoconIncluder(ConfigParseOptions options, Func<string, string?> read, bool resources)
    {
        Options = options;
        _read = read;
        _resources = resources;
    }

    public ConfigParseOptions Options { get; }

    public static HoconIncluder ForFiles(ConfigParseOptions options) =>
        new(options, options.ReadFile ?? ReadFileFromDisk, resources: false);

    public static HoconIncluder ForResources(Assembly assembly) =>
        new(ConfigParseOptions.Default, name => ReadResource(assembly, name), resources: true);

    /// <summary>Reads the first file or resource; a missing one is an error.</summary>
    public string ReadRequired(string name, string source)
    {
        return Read(name, source)
            ?? throw new ConfigParseException(null, null, _resources ? "an embedded resource named " + ConfigPath.Quote(name) : "a configuration file at " + ConfigPath.Quote(name), "nothing (it does not exist)");
    }

    public HoconObject ParseRoot(string text, string source) =>
        Parse(text, source, [], 0, new ConfigOrigin(source, 1, 1));

    public HoconObject? Include(string includingSource, string name, bool required, ConfigOrigin at, string[] prefix, int depth, string? keyPath)
    {
        string source = Locate(includingSource, name);
        if (_open.Contains(source, StringComparer.Ordinal))
        {
            string chain = string.Join(" -> ", _open.SkipWhile(s => s != source).Append(source));
            throw new ConfigParseException(at, keyPath, "no include cycle", $"{chain}");
        }

        if (_open.Count > Options.MaxIncludeDepth)
        {
            throw new ConfigParseException(at, keyPath, $"includes nested at most {Options.MaxIncludeDepth} deep", $"include of {ConfigPath.Quote(name)} at depth {_open.Count}");
        }

        string? text = Read(source, at.ToString());
        if (text is null)
        {
            return required
                ? throw new ConfigParseException(at, keyPath, $"file {ConfigPath.Quote(source)} (required include)", "nothing (it does not exist)")
                : null;
        }

        return Parse(text, source, prefix, depth, at);
    }

    private HoconObject Parse(string text, string source, string[] prefix, int depth, ConfigOrigin at)
    {
        if (text.Length > Options.MaxTextLength)
        {
            throw new ConfigParseException(new ConfigOrigin(source, 1, 1), null, $"at most {Options.MaxTextLength} characters", $"{text.Length} characters");
        }

        // Without a total, a file that includes the same large file many times would parse for hours.
        _totalLength += text.Length;
        long totalLimit = 4L * Options.MaxTextLength;
        if (_totalLength > totalLimit)
        {
            throw new ConfigParseException(at, null, $"at most {totalLimit} characters in all included files together", $"more when including {ConfigPath.Quote(source)}");
        }

        _open.Add(source);
        try
        {
            return new HoconParser(new HoconLexer(text, source), this, prefix, depth).ParseRoot();
        }
        finally
        {
            _open.RemoveAt(_open.Count - 1);
        }
    }

    private string? Read(string source, string requestedAt)
    {
        string name = _resources && source.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? source[ResourcePrefix.Length..] : source;
        try
        {
            return _read(name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            throw new ConfigParseException(null, null, null, null, $"{requestedAt}: cannot read {ConfigPath.Quote(name)}: {e.Message}");
        }
    }

    private string Locate(string includingSource, string name)
    {
        if (_resources)
        {
            return ResourcePrefix + name;
        }

        if (System.IO.Path.IsPathRooted(name))
        {
            return Normalize(name);
        }

        string directory = System.IO.Path.GetDirectoryName(includingSource) ?? string.Empty;
        return Normalize(directory.Length == 0 ? name : directory + "/" + name);
    }

    /// <summary>Collapses "." and ".." lexically so cycle detection and in-memory readers see one spelling per file.</summary>
    private static string Normalize(string path)
    {
        string unified = path.Replace('\\', '/');
        bool rooted = unified.StartsWith('/');
        var parts = new List<string>();
        foreach (string part in unified.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !rooted)
            {
                parts.Add(part);
            }
        }

        return (rooted ? "/" : string.Empty) + string.Join('/', parts);
    }

    private static string? ReadFileFromDisk(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static string? ReadResource(Assembly assembly, string name)
    {
        using Stream? stream = assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
