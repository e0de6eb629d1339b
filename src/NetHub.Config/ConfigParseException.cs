namespace NetHub.Configuration;

/// <summary>Syntax errors, include failures and exceeded parse limits.</summary>
public sealed class ConfigParseException : ConfigException
{
    public ConfigParseException()
    {
    }

    public ConfigParseException(string message)
        : base(message)
    {
    }

    public ConfigParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ConfigParseException(ConfigOrigin? origin, string? keyPath, string? expected, string? got, string? detail = null)
        : base(origin, keyPath, expected, got, detail)
    {
    }
}
