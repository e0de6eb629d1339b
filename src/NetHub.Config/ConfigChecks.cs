using System.Globalization;

namespace NetHub.Configuration;

/// <summary>
/// Typed reads with range checks, for settings records. A value out of range is a
/// <see cref="ConfigException"/> carrying the file, line and column of the value and what was expected.
/// </summary>
public static class ConfigChecks
{
    public static int GetInt(this Config config, string key, int min, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(config);
        int value = config.GetInt(key);
        if (value < min || value > max)
        {
            string range = max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}";
            throw config.Error(key, range, value.ToString(CultureInfo.InvariantCulture));
        }

        return value;
    }

    public static long GetBytes(this Config config, string key, long min, long max = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(config);
        long value = config.GetBytes(key);
        if (value < min || value > max)
        {
            string range = max == long.MaxValue ? $"a size of at least {min} bytes" : $"a size from {min} to {max} bytes";
            throw config.Error(key, range, value.ToString(CultureInfo.InvariantCulture));
        }

        return value;
    }

    public static double GetDouble(this Config config, string key, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(config);
        double value = config.GetDouble(key);
        if (!(value >= min && value <= max))
        {
            throw config.Error(key, $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}", value.ToString(CultureInfo.InvariantCulture));
        }

        return value;
    }

    /// <summary>A duration above zero; "infinite" only when <paramref name="allowInfinite"/>.</summary>
    public static TimeSpan GetPositiveDuration(this Config config, string key, bool allowInfinite = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        TimeSpan value = config.GetDuration(key);
        if (value == Timeout.InfiniteTimeSpan)
        {
            return allowInfinite ? value : throw config.Error(key, "a finite duration above zero", "infinite");
        }

        return value > TimeSpan.Zero ? value : throw config.Error(key, "a duration above zero", value.ToString());
    }

    /// <summary>One of a fixed set of words, e.g. "wait", "drop-oldest" or "drop-newest".</summary>
    public static T GetChoice<T>(this Config config, string key, params (string Word, T Value)[] choices)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(choices);
        string word = config.GetString(key);
        foreach ((string w, T value) in choices)
        {
            if (string.Equals(w, word, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw config.Error(key, DescribeChoices(choices.Select(c => c.Word).ToArray()), $"\"{word}\"");
    }

    private static string DescribeChoices(string[] words) =>
        words.Length == 1 ? words[0] : string.Join(", ", words[..^1]) + " or " + words[^1];
}
