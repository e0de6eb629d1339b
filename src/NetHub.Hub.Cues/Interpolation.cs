using NetHub.Osc;

namespace NetHub.Hub.Cues;

/// <summary>
/// Linear fades over OSC arguments. Numbers (int32, int64, float32, float64) move from their start to their end
/// value and keep the end value's type (integers are rounded); anything else holds its start value until the fade
/// ends. Two argument lists can fade only when they have as many arguments and at least one pair is numeric.
/// </summary>
internal static class Interpolation
{
    public static bool CanFade(IReadOnlyList<OscArgument> from, IReadOnlyList<OscArgument> to)
    {
        if (from.Count != to.Count)
        {
            return false;
        }

        for (int i = 0; i < to.Count; i++)
        {
            if (IsNumber(from[i]) && IsNumber(to[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static IReadOnlyList<OscArgument> At(IReadOnlyList<OscArgument> from, IReadOnlyList<OscArgument> to, double progress)
    {
        var result = new OscArgument[to.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = IsNumber(from[i]) && IsNumber(to[i])
                ? Number(to[i].Type, ToDouble(from[i]) + ((ToDouble(to[i]) - ToDouble(from[i])) * progress))
                : from[i];
        }

        return result;
    }

    private static bool IsNumber(OscArgument argument) =>
        argument.Type is OscType.Int32 or OscType.Int64 or OscType.Float32 or OscType.Float64;

    private static double ToDouble(OscArgument argument) => argument.Type switch
    {
        OscType.Int32 => argument.AsInt32(),
        OscType.Int64 => argument.AsInt64(),
        OscType.Float32 => argument.AsFloat32(),
        _ => argument.AsFloat64(),
    };

    private static OscArgument Number(OscType type, double value) => type switch
    {
        OscType.Int32 => OscArgument.Int32((int)Math.Round(value, MidpointRounding.AwayFromZero)),
        OscType.Int64 => OscArgument.Int64((long)Math.Round(value, MidpointRounding.AwayFromZero)),
        OscType.Float32 => OscArgument.Float32((float)value),
        _ => OscArgument.Float64(value),
    };
}
