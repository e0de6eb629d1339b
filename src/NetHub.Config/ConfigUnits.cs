using System.Collections.Frozen;
using System.Globalization;

namespace NetHub.Configuration;

/// <summary>
/// Durations and sizes in the "units format" of the HOCON spec ("Units format", "Duration format", "Size in
/// bytes format"): a number, optional whitespace and an optional unit; a bare number is in the default unit.
/// Arithmetic is done in decimal so "1.5s" is exact and overflow is detected instead of wrapping.
/// </summary>
internal static class ConfigUnits
{
    public const string DurationExpected = "a duration such as 500ms, 2s, 1.5m or infinite";
    public const string SizeExpected = "a size such as 512, 64KiB or 10MB";

    private const long TicksPerMillisecond = TimeSpan.TicksPerMillisecond;

    private static readonly FrozenDictionary<string, decimal> TicksPerUnit = BuildDurationUnits();
    private static readonly FrozenDictionary<string, decimal> BytesPerUnit = BuildSizeUnits();

    /// <returns>null on success, otherwise why the value is not a duration.</returns>
    public static string? ReadDuration(HoconScalar scalar, bool allowNegative, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (scalar.Kind == HoconScalarKind.String && scalar.Text.Trim() == "infinite")
        {
            value = Timeout.InfiniteTimeSpan;
            return null;
        }

        string? problem = ReadAmount(scalar, TicksPerUnit, TicksPerMillisecond, "units are ns, us, ms, s, m, h and d", out decimal ticks);
        if (problem is not null)
        {
            return problem;
        }

        if (ticks < 0 && !allowNegative)
        {
            return "a negative duration is not allowed here";
        }

        value = TimeSpan.FromTicks((long)ticks);
        return null;
    }

    /// <returns>null on success, otherwise why the value is not a size.</returns>
    public static string? ReadBytes(HoconScalar scalar, out long value)
    {
        value = 0;
        string? problem = ReadAmount(scalar, BytesPerUnit, 1, "units are B, kB, KiB, MB, MiB, GB, GiB, TB, TiB and so on", out decimal bytes);
        if (problem is not null)
        {
            return problem;
        }

        if (bytes < 0)
        {
            return "a negative size is not allowed";
        }

        value = (long)bytes;
        return null;
    }

    private static string? ReadAmount(HoconScalar scalar, FrozenDictionary<string, decimal> units, decimal defaultFactor, string unitHelp, out decimal result)
    {
        result = 0;
        string number;
        decimal factor = defaultFactor;
        switch (scalar.Kind)
        {
            case HoconScalarKind.Number:
                number = scalar.Text;
                break;
            case HoconScalarKind.String:
                string text = scalar.Text.Trim();
                int end = 0;
                if (end < text.Length && text[end] == '-')
                {
                    end++;
                }

                while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
                {
                    end++;
                }

                number = text[..end];
                string unit = text[end..].TrimStart();
                if (!ConfigNumbers.IsNumber(number))
                {
                    return "it does not start with a number";
                }

                if (unit.Length > 0 && !units.TryGetValue(unit, out factor))
                {
                    return $"unknown unit {ConfigPath.Quote(unit)}; {unitHelp}";
                }

                break;
            default:
                return "only a number or a string can be read this way";
        }

        try
        {
            decimal amount = decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
            result = decimal.Truncate(amount * factor);
        }
        catch (OverflowException)
        {
            return "it is too large";
        }

        return result > long.MaxValue || result < long.MinValue ? "it is too large" : null;
    }

    private static FrozenDictionary<string, decimal> BuildDurationUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (string name in names)
            {
                units[name] = ticks;
            }
        }

        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, decimal> BuildSizeUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["B"] = 1,
            ["b"] = 1,
            ["byte"] = 1,
            ["bytes"] = 1,
        };
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        string letters = "KMGTPEZY";
        decimal powerOfTen = 1;
        decimal powerOfTwo = 1;
        for (int i = 0; i < letters.Length; i++)
        {
            powerOfTen *= 1000;
            powerOfTwo *= 1024;
            string upper = letters[i].ToString();
            string prefix = i == 0 ? "k" : upper;
            foreach (string name in new[] { prefix + "B", decimalNames[i] + "byte", decimalNames[i] + "bytes" })
            {
                units[name] = powerOfTen;
            }

            foreach (string name in new[] { upper, upper.ToLowerInvariant(), upper + "i", upper + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes" })
            {
                units[name] = powerOfTwo;
            }
        }

        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
