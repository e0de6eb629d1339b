namespace NetHub.Configuration;

/// <summary>
/// A node of a parsed configuration. Objects, arrays and scalars are data; substitutions, concatenations
/// and merges stay deferred until <see cref="HoconResolver"/> runs, because HOCON resolves substitutions
/// against the whole merged configuration, not the file they were written in.
/// </summary>
internal abstract class HoconValue
{
    protected HoconValue(ConfigOrigin origin) => Origin = origin;

    public ConfigOrigin Origin { get; }

    /// <summary>True when neither this node nor anything under it waits for substitution.</summary>
    public abstract bool IsResolved { get; }

    /// <summary>Short description for error messages: <c>object</c>, <c>string "fast"</c>.</summary>
    public abstract string Describe();
}
