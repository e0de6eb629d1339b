namespace NetHub.Configuration;

/// <summary>Substitutions that cannot be resolved, substitution cycles and exceeded resolution limits.</summary>
public sealed class ConfigResolveException : ConfigException
{
    public ConfigResolveException()
    {
    }

    public ConfigResolveException(string message)
        : base(message)
    {
    }

    public ConfigResolveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ConfigResolveException(ConfigOrigin? origin, string? keyPath, string? expected, string? got, string? detail = null)
        : base(origin, keyPath, expected, got, detail)
    {
    }
}
