using System.Globalization;

namespace NetHub.Configuration;

/// <summary>
/// Number syntax and the automatic conversions of the HOCON spec ("Automatic type conversions"): numbers
/// and booleans read as strings, and strings that hold a number or a boolean word read as those.
/// </summary>
internal static class ConfigNumbers
{
    /// <summary>JSON number syntax, also accepting leading zeros as Lightbend's implementation does.</summary>
    public static bool IsNumber(string text)
    {
        int i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (!SkipDigits(text, ref i))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>The number a scalar holds, as text: numbers directly, strings when they are a number.</summary>
    public static string? NumberText(HoconScalar scalar) => scalar.Kind switch
    {
        HoconScalarKind.Number => scalar.Text,
        HoconScalarKind.String when IsNumber(scalar.Text.Trim()) => scalar.Text.Trim(),
        _ => null,
    };

    public static bool TryGetLong(string numberText, out long value)
    {
        if (long.TryParse(numberText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // 1e3 and 2.0 are whole numbers too.
        if (decimal.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d)
            && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        value = 0;
        return false;
    }

    public static bool TryGetDouble(string numberText, out double value) =>
        double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The six boolean words of the spec; case is ignored because "True" in a show file is not worth a failed start.</summary>
    public static bool? ToBoolean(HoconScalar scalar)
    {
        if (scalar.Kind is not (HoconScalarKind.Boolean or HoconScalarKind.String))
        {
            return null;
        }

        string text = scalar.Text.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return null;
    }

    private static bool SkipDigits(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start;
    }
}
