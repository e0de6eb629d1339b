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
    public static double Read(in OscArgument argument) => argument.Type switch
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
        if (!double.IsFinite(value) || (type == OscType.Float32 && !float.IsFinite((float)value)))
        {
            return false;
        }

        argument = Write(type, value);
        return true;
    }

    /// <summary>
    /// <paramref name="value"/> as an argument of <paramref name="type"/> (whole-number types rounded and held at their
    /// limits), for a value known to fit (<see cref="TryNarrow"/> said so): no second check, and a result to assign where it goes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OscArgument Write(OscType type, double value) => type switch
    {
        OscType.Int32 => OscArgument.Int32(ToInt32(value)),
        OscType.Int64 => OscArgument.Int64(ToInt64(value)),
        OscType.Float32 => OscArgument.Float32((float)value),
        _ => OscArgument.Float64(value),
    };

    /// <summary>
    /// <paramref name="value"/> as <see cref="TryWrite"/> would write it in <paramref name="type"/> and
    /// <see cref="Read"/> would read it back, without making the argument; false where TryWrite is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryNarrow(OscType type, double value, out double narrowed)
    {
        narrowed = value;
        if (!double.IsFinite(value))
        {
            return false;
        }

        switch (type)
        {
            case OscType.Int32:
                narrowed = ToInt32(value);
                return true;
            case OscType.Int64:
                narrowed = ToInt64(value);
                return true;
            case OscType.Float32:
                float single = (float)value;
                narrowed = single;
                return float.IsFinite(single);
            default:
                return true;
        }
    }

    /// <summary>
    /// Whether <see cref="TryWrite"/> of the finite <paramref name="value"/> in <paramref name="type"/> (the type of
    /// <paramref name="argument"/>) gives <paramref name="argument"/> again, bit for bit as
    /// <see cref="OscArgument.Equals(OscArgument)"/> compares (so -0.0 and 0.0 differ).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Writes(OscType type, double value, in OscArgument argument) => type switch
    {
        OscType.Int32 => ToInt32(value) == argument.AsInt32(),
        OscType.Int64 => ToInt64(value) == argument.AsInt64(),
        OscType.Float32 => BitConverter.SingleToInt32Bits((float)value) == BitConverter.SingleToInt32Bits(argument.AsFloat32()),
        _ => BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(argument.AsFloat64()),
    };

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
