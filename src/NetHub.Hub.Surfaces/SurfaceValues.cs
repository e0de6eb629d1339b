using NetHub.Osc;

namespace NetHub.Hub.Surfaces;

/// <summary>Reading numbers out of OSC arguments the way surfaces send them (floats mostly, ints and booleans too).</summary>
internal static class SurfaceValues
{
    public static bool TryNumber(OscArgument argument, out double value)
    {
        value = argument.Type switch
        {
            OscType.Float32 => argument.AsFloat32(),
            OscType.Int32 => argument.AsInt32(),
            OscType.Float64 => argument.AsFloat64(),
            OscType.Int64 => argument.AsInt64(),
            OscType.True => 1,
            OscType.False => 0,
            _ => double.NaN,
        };
        return double.IsFinite(value);
    }
}
