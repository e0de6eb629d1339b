namespace NetHub.Configuration;

/// <summary>Limits and file access for parsing. The defaults suit hand-written show configurations.</summary>
public sealed record ConfigParseOptions
{
    internal static ConfigParseOptions Default { get; } = new();

    /// <summary>
    /// Reads an included or parsed file: path to text, or null when the file does not exist. Tests pass an
    /// in-memory dictionary here. Default: <see cref="File.ReadAllText(string)"/> after an existence check.
    /// </summary>
    public Func<string, string?>? ReadFile { get; init; }

    /// <summary>Deepest nesting of objects and arrays, counting dotted key segments and the include point.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>How many includes may be open inside each other.</summary>
    public int MaxIncludeDepth { get; init; } = 16;

    /// <summary>Longest text accepted for one file, in characters. All files of one parse together may hold four times this.</summary>
    public int MaxTextLength { get; init; } = 4 * 1024 * 1024;
}
