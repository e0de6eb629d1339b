using System.Globalization;
using System.Runtime.CompilerServices;
using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>Reading OSC numbers as doubles and writing results back in the argument's own OSC type.</summary>
internal static class Numbers
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNumeric(OscType type) => type is OscType.Int32 or OscType.Int64 or OscType.Float32 or OscType.Float64;

    /// <summary>The value of a numeric argument (see <see cref="IsNumeric"/>); int64 beyond 2^53 loses precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Read(OscArgument argument) => argument.Type switch
    {
        OscType.Int32 => argument.AsInt32(),
        OscType.Int64 => argument.AsInt64(),
        OscType.Float32 => argument.AsFloat32(),
        _ => argument.AsFloat64(),
    };

    /// <summary>
    /// <paramref name="value"/> as an argument of <paramref name="type"/>: whole-number types round half away from
    /// zero and saturate at their limits; false when the value does not fit (not finite, or beyond float32).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryWrite(OscType type, double value, out OscArgument argument)
    {
        argument = default;
        if (!double.IsFinite(value))
        {
            return false;
        }

        switch (type)
        {
            case OscType.Int32:
                argument = OscArgument.Int32(ToInt32(value));
                return true;
            case OscType.Int64:
                argument = OscArgument.Int64(ToInt64(value));
                return true;
            case OscType.Float32:
                float single = (float)value;
                if (!float.IsFinite(single))
                {
                    return false;
                }

                argument = OscArgument.Float32(single);
                return true;
            default:
                argument = OscArgument.Float64(value);
                return true;
        }
    }

    public static int ToInt32(double value)
    {
        double rounded = Math.Round(value, MidpointRounding.AwayFromZero);
        return rounded >= int.MaxValue ? int.MaxValue : rounded <= int.MinValue ? int.MinValue : (int)rounded;
    }

    public static long ToInt64(double value)
    {
        double rounded = Math.Round(value, MidpointRounding.AwayFromZero);

        // (double)long.MaxValue rounds up to 2^63, which does not fit, hence >=.
        return rounded >= long.MaxValue ? long.MaxValue : rounded <= long.MinValue ? long.MinValue : (long)rounded;
    }

    /// <summary>Invariant, shortest round-trip text for descriptions and reasons.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string FormatRange(double from, double to) => "[" + Format(from) + "," + Format(to) + "]";

    /// <summary>The OSC type tag of an argument as a trace shows it, e.g. <c>'s'</c>.</summary>
    public static string Tag(OscType type) => "'" + (char)type + "'";
}
