namespace NetHub.Configuration;

/// <summary>Finding values by path, and the errors that name them.</summary>
public sealed partial class Config
{
    /// <summary>Direct keys of this object in first-definition order; keys set to null are left out, as null is how HOCON clears a default.</summary>
    public IReadOnlyList<string> Keys => _root.Keys.Where(k => _root[k] is not HoconScalar { Kind: HoconScalarKind.Null }).ToList();

    /// <summary>False for a missing key and for a key set to null.</summary>
    public bool HasPath(string path) => Find(path).Value is { } value && value is not HoconScalar { Kind: HoconScalarKind.Null };

    /// <summary>True when the key exists and is set to null.</summary>
    public bool IsNull(string path) => Find(path).Value is HoconScalar { Kind: HoconScalarKind.Null };

    public ConfigOrigin? GetOrigin(string path) => Find(path).Value is { } value ? OriginOrNull(value) : null;

    /// <summary>Every path below this object that holds a non-object value (arrays and nulls included), quoted where needed.</summary>
    public IReadOnlyList<string> LeafPaths()
    {
        var paths = new List<string>();
        CollectLeaves(_root, string.Empty, paths);
        return paths;
    }

    /// <summary>
    /// Builds, without throwing, an error about the value at <paramref name="path"/> carrying its origin, so
    /// settings validation reads like the built-in errors. <paramref name="got"/> defaults to the value found.
    /// </summary>
    public ConfigException Error(string path, string expected, string? got = null)
    {
        Found found = Find(path);
        return found.Value is null
            ? new ConfigValueException(found.Enclosing, found.FullPath, expected, got ?? "nothing (the key is missing)")
            : new ConfigValueException(OriginOrNull(found.Value), found.FullPath, expected, got ?? found.Value.Describe());
    }

    private static void CollectLeaves(HoconObject obj, string prefix, List<string> paths)
    {
        foreach (string key in obj.Keys)
        {
            string path = ConfigPath.Join(prefix, ConfigPath.RenderSegment(key));
            if (obj[key] is HoconObject child)
            {
                CollectLeaves(child, path, paths);
            }
            else
            {
                paths.Add(path);
            }
        }
    }

    private Found Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] segments = ConfigPath.TryParse(path)
            ?? throw new ConfigValueException(null, ConfigPath.Join(Path, path), "a path such as a.b.c (quote elements that contain dots or special characters)", ConfigPath.Quote(path));
        string fullPath = ConfigPath.Join(Path, ConfigPath.Render(segments));
        HoconValue current = _root;
        ConfigOrigin? enclosing = OriginOrNull(_root);
        for (int i = 0; i < segments.Length; i++)
        {
            if (current is not HoconObject obj)
            {
                string parent = ConfigPath.Join(Path, ConfigPath.Render(segments.Take(i)));
                if (!current.IsResolved)
                {
                    throw NotResolved(current, parent);
                }

                return new Found(null, fullPath, OriginOrNull(current), $"{parent} is {current.Describe()}, not an object");
            }

            enclosing = OriginOrNull(obj);
            if (!obj.TryGetValue(segments[i], out HoconValue? child))
            {
                return new Found(null, fullPath, enclosing, null);
            }

            current = child;
        }

        return new Found(current, fullPath, enclosing, null);
    }

    /// <summary>A leaf value that must exist and be resolved; records the read for <see cref="Track"/>.</summary>
    private (HoconValue Value, string FullPath) ReadLeaf(string path)
    {
        Found found = Find(path);
        HoconValue value = found.Value ?? throw Missing(found);
        if (!value.IsResolved)
        {
            throw NotResolved(value, found.FullPath);
        }

        _log?.Record(found.FullPath);
        return (value, found.FullPath);
    }

    private static ConfigValueException Missing(Found found) =>
        new(found.Enclosing, found.FullPath, null, null, $"missing ({found.BlockedBy ?? "no value in any configuration file"})");

    private static ConfigValueException NotResolved(HoconValue value, string fullPath) =>
        new(OriginOrNull(value), NullIfEmpty(fullPath), "a resolved value (call Resolve() before reading)", value.Describe());

    private static ConfigValueException TypeError(HoconValue value, string fullPath, string expected, string? detail = null) =>
        new(OriginOrNull(value), fullPath, expected, value.Describe(), detail);

    private readonly record struct Found(HoconValue? Value, string FullPath, ConfigOrigin? Enclosing, string? BlockedBy);
}
