namespace NetHub.Configuration;

/// <summary>
/// Collects the full paths of the leaf values read through a <see cref="Config.Track"/> view, so a
/// settings test can prove that every key of a <c>reference.conf</c> is consumed by its settings record.
/// </summary>
public sealed class ConfigReadLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _paths = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Distinct paths in the order they were first read.</summary>
    public IReadOnlyCollection<string> Paths
    {
        get
        {
            lock (_gate)
            {
                return _paths.ToArray();
            }
        }
    }

    internal void Record(string path)
    {
        lock (_gate)
        {
            if (_seen.Add(path))
            {
                _paths.Add(path);
            }
        }
    }
}
