namespace NetHub.Configuration;

/// <summary>A missing key, a value of the wrong type, or a malformed duration or size.</summary>
public sealed class ConfigValueException : ConfigException
{
    public ConfigValueException()
    {
    }

    public ConfigValueException(string message)
        : base(message)
    {
    }

    public ConfigValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ConfigValueException(ConfigOrigin? origin, string? keyPath, string? expected, string? got, string? detail = null)
        : base(origin, keyPath, expected, got, detail)
    {
    }
}
