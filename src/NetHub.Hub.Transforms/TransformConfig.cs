using System.Globalization;
using NetHub.Configuration;

namespace NetHub.Hub.Transforms;

/// <summary>Typed reads of one transform object's keys; every mistake is a <see cref="ConfigException"/> at the key.</summary>
internal static class TransformConfig
{
    /// <summary>Highest argument index <c>args</c> may name; OSC messages from show software carry a handful.</summary>
    public const int MaxIndex = 1023;

    public static void CheckKeys(Config config, string type, params string[] allowed)
    {
        foreach (string key in config.Keys)
        {
            if (Array.IndexOf(allowed, key) < 0)
            {
                throw config.Error(key, $"a key of {type}: {string.Join(", ", allowed)}", $"unknown key '{key}'");
            }
        }
    }

    /// <summary>A key that must not be written in this form of the transform, e.g. <c>base</c> with breakpoints.</summary>
    public static void Forbid(Config config, string key, string because)
    {
        if (config.HasPath(key))
        {
            throw config.Error(key, $"no '{key}' {because}", $"'{key}'");
        }
    }

    public static void Require(Config config, string key, string what)
    {
        if (!config.HasPath(key))
        {
            throw config.Error(key, what);
        }
    }

    public static double Number(Config config, string key, double fallback)
    {
        return config.HasPath(key) ? config.GetDouble(key) : fallback;
    }

    /// <summary>A number above <paramref name="above"/> (and at most <paramref name="max"/>).</summary>
    public static double NumberAbove(Config config, string key, double above, double max, double? fallback)
    {
        if (!config.HasPath(key) && fallback is { } value)
        {
            return value;
        }

        Require(config, key, $"a number above {Numbers.Format(above)}");
        double number = config.GetDouble(key);
        return number > above && number <= max
            ? number
            : throw config.Error(key, $"a number above {Numbers.Format(above)} and at most {Numbers.Format(max)}", Numbers.Format(number));
    }

    public static double NumberAtLeast(Config config, string key, double min, double fallback)
    {
        if (!config.HasPath(key))
        {
            return fallback;
        }

        double number = config.GetDouble(key);
        return number >= min ? number : throw config.Error(key, $"a number of at least {Numbers.Format(min)}", Numbers.Format(number));
    }

    /// <summary><c>[a, b]</c>: two finite numbers; with <paramref name="distinct"/> they must differ (a range to divide by).</summary>
    public static (double From, double To) Range(Config config, string key, (double, double)? fallback, bool distinct)
    {
        if (!config.HasPath(key) && fallback is { } value)
        {
            return value;
        }

        const string Expected = "a range of two numbers such as [0, 1]";
        Require(config, key, Expected);
        if (config.GetValue(key) is not IReadOnlyList<object?> { Count: 2 } pair
            || !TryFinite(pair[0], out double from) || !TryFinite(pair[1], out double to))
        {
            throw config.Error(key, Expected);
        }

        if (distinct && from == to)
        {
            throw config.Error(key, "a range of two different numbers such as [0, 1] (a range of zero width maps every value to one point)", Numbers.FormatRange(from, to));
        }

        return (from, to);
    }

    /// <summary>The optional <c>args = [0, 2]</c>: argument indices a transform works on; null for "every one".</summary>
    public static int[]? Indices(Config config, string key = "args")
    {
        if (!config.HasPath(key))
        {
            return null;
        }

        string expected = $"a list of argument indices such as [0, 2] (whole numbers from 0 to {MaxIndex}, each once)";
        if (config.GetValue(key) is not IReadOnlyList<object?> { Count: > 0 } list)
        {
            throw config.Error(key, expected);
        }

        var indices = new int[list.Count];
        for (int i = 0; i < indices.Length; i++)
        {
            if (!TryFinite(list[i], out double index) || index != Math.Floor(index) || index < 0 || index > MaxIndex
                || Array.IndexOf(indices, (int)index, 0, i) >= 0)
            {
                throw config.Error(key, expected, $"{Convert.ToString(list[i], CultureInfo.InvariantCulture) ?? "null"} at position {i}");
            }

            indices[i] = (int)index;
        }

        return indices;
    }

    public static bool TryFinite(object? value, out double number)
    {
        number = value switch
        {
            long whole => whole,
            double fraction => fraction,
            _ => double.NaN,
        };
        return double.IsFinite(number);
    }
}
