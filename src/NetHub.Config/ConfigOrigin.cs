namespace NetHub.Configuration;

/// <summary>Where a value was written: a file path, <c>resource:name</c> or the origin given to
/// <see cref="Config.Parse"/>, with 1-based line and column.</summary>
public sealed record ConfigOrigin(string Source, int Line, int Column)
{
    public override string ToString() => $"{Source}:{Line}:{Column}";
}
