namespace NetHub.Configuration;

/// <summary>
/// A configuration problem, with a one-line message for a technician:
/// <c>file:line:column: key.path: expected what, got what</c>. Parts that do not apply are left out.
/// </summary>
public class ConfigException : Exception
{
    public ConfigException()
    {
    }

    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ConfigException(ConfigOrigin? origin, string? keyPath, string? expected, string? got, string? detail)
        : base(Compose(origin, keyPath, expected, got, detail))
    {
        Origin = origin;
        KeyPath = keyPath;
        Expected = expected;
        Got = got;
        Detail = detail;
    }

    /// <summary>Where the offending value (or the enclosing object, for a missing key) was written.</summary>
    public ConfigOrigin? Origin { get; }

    /// <summary>Full path of the key concerned, e.g. <c>nethub.actors.throughput</c>.</summary>
    public string? KeyPath { get; }

    /// <summary>What was expected, e.g. <c>a number</c>.</summary>
    public string? Expected { get; }

    /// <summary>What was found instead, e.g. <c>string "fast"</c>.</summary>
    public string? Got { get; }

    internal string? Detail { get; }

    internal static string Compose(ConfigOrigin? origin, string? keyPath, string? expected, string? got, string? detail)
    {
        var parts = new List<string>(3);
        if (origin is not null)
        {
            parts.Add(origin.ToString());
        }

        if (!string.IsNullOrEmpty(keyPath))
        {
            parts.Add(keyPath);
        }

        string body;
        if (expected is not null)
        {
            body = got is null ? $"expected {expected}" : $"expected {expected}, got {got}";
            if (detail is not null)
            {
                body += $" ({detail})";
            }
        }
        else
        {
            body = detail ?? got ?? "invalid configuration";
        }

        parts.Add(body);
        return string.Join(": ", parts);
    }
}
