namespace NetHub.Configuration;

/// <summary>Where substitutions look when a path is not in the configuration.</summary>
public sealed record ConfigResolveOptions
{
    /// <summary>
    /// Environment lookup for substitutions not found in the configuration; an empty value counts as unset
    /// (HOCON spec, "Substitution fallback to environment variables").
    /// Default: <see cref="System.Environment.GetEnvironmentVariable(string)"/>.
    /// </summary>
    public Func<string, string?>? Environment { get; init; }
}
