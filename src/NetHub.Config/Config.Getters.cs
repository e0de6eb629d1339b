namespace NetHub.Configuration;

/// <summary>Typed reads with the automatic conversions of the HOCON spec ("Automatic type conversions").</summary>
public sealed partial class Config
{
    /// <summary>A string; numbers and booleans read as the text they were written with.</summary>
    public string GetString(string path)
    {
        (HoconValue value, string fullPath) = ReadLeaf(path);
        return value is HoconScalar { Kind: not HoconScalarKind.Null } scalar ? scalar.Text : throw TypeError(value, fullPath, "a string");
    }

    public int GetInt(string path)
    {
        (HoconScalar scalar, string text, string fullPath) = ReadNumber(path);
        return ConfigNumbers.TryGetLong(text, out long value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw TypeError(scalar, fullPath, $"a whole number from {int.MinValue} to {int.MaxValue}");
    }

    public long GetLong(string path)
    {
        (HoconScalar scalar, string text, string fullPath) = ReadNumber(path);
        return ConfigNumbers.TryGetLong(text, out long value)
            ? value
            : throw TypeError(scalar, fullPath, $"a whole number from {long.MinValue} to {long.MaxValue}");
    }

    public double GetDouble(string path)
    {
        (HoconScalar scalar, string text, string fullPath) = ReadNumber(path);
        return ConfigNumbers.TryGetDouble(text, out double value) ? value : throw TypeError(scalar, fullPath, "a finite number");
    }

    /// <summary>true/false, yes/no or on/off.</summary>
    public bool GetBoolean(string path)
    {
        (HoconValue value, string fullPath) = ReadLeaf(path);
        return (value is HoconScalar scalar ? ConfigNumbers.ToBoolean(scalar) : null)
            ?? throw TypeError(value, fullPath, "a boolean (true/false, yes/no or on/off)");
    }

    /// <summary>
    /// A number with an optional unit (ns, us, ms, s, m, h, d and their long names); a bare number is in
    /// milliseconds and <c>infinite</c> is <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    public TimeSpan GetDuration(string path, bool allowNegative = false)
    {
        (HoconValue value, string fullPath) = ReadLeaf(path);
        TimeSpan duration = TimeSpan.Zero;
        string? problem = value is HoconScalar scalar ? ConfigUnits.ReadDuration(scalar, allowNegative, out duration) : "it is not a single value";
        return problem is null ? duration : throw TypeError(value, fullPath, ConfigUnits.DurationExpected, problem);
    }

    /// <summary>A size in bytes with an optional unit: kB = 1000, KiB = K = 1024, MB, MiB, GB, GiB and larger.</summary>
    public long GetBytes(string path)
    {
        (HoconValue value, string fullPath) = ReadLeaf(path);
        long bytes = 0;
        string? problem = value is HoconScalar scalar ? ConfigUnits.ReadBytes(scalar, out bytes) : "it is not a single value";
        return problem is null ? bytes : throw TypeError(value, fullPath, ConfigUnits.SizeExpected, problem);
    }

    public IReadOnlyList<string> GetStringList(string path)
    {
        (HoconValue value, string fullPath) = ReadLeaf(path);
        if (value is not HoconArray array)
        {
            throw TypeError(value, fullPath, "a list of strings");
        }

        var result = new string[array.Elements.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = array.Elements[i] is HoconScalar { Kind: not HoconScalarKind.Null } scalar
                ? scalar.Text
                : throw TypeError(array.Elements[i], $"{fullPath}[{i}]", "a string");
        }

        return result;
    }

    /// <summary>A list of objects; each child's <see cref="Path"/> is <c>list.path[index]</c>.</summary>
    public IReadOnlyList<Config> GetConfigList(string path)
    {
        (HoconValue value, string fullPath) = ReadLeaf(path);
        if (value is not HoconArray array)
        {
            throw TypeError(value, fullPath, "a list of objects");
        }

        var result = new Config[array.Elements.Count];
        for (int i = 0; i < result.Length; i++)
        {
            string elementPath = $"{fullPath}[{i}]";
            result[i] = array.Elements[i] is HoconObject obj
                ? new Config(obj, elementPath, _log)
                : throw TypeError(array.Elements[i], elementPath, "an object");
        }

        return result;
    }

    /// <summary>The object at <paramref name="path"/> as a view whose errors and tracked reads carry the full path.</summary>
    public Config GetConfig(string path)
    {
        Found found = Find(path);
        return found.Value switch
        {
            null => throw Missing(found),
            HoconObject obj => new Config(obj, found.FullPath, _log),
            { IsResolved: false } unresolved => throw NotResolved(unresolved, found.FullPath),
            var other => throw TypeError(other, found.FullPath, "an object"),
        };
    }

    private (HoconScalar Scalar, string Text, string FullPath) ReadNumber(string path)
    {
        (HoconValue value, string fullPath) = ReadLeaf(path);
        return value is HoconScalar scalar && ConfigNumbers.NumberText(scalar) is { } text
            ? (scalar, text, fullPath)
            : throw TypeError(value, fullPath, "a number");
    }
}
