using System.Globalization;
using NetHub.Configuration;

namespace NetHub.Hub.Surfaces;

/// <summary>
/// A range of values written <c>[low, high]</c>, e.g. <c>[-60, 6]</c> dB or an inverted <c>[1, 0]</c>. Surface values
/// move linearly between a control's range and each target's range, clamped at the ends, so a fader thrown past its
/// end or a target set out of range elsewhere never sends a value the other side cannot take.
/// </summary>
public readonly record struct ValueRange(double Low, double High)
{
    /// <summary>The TouchOSC default, 0 to 1.</summary>
    public static ValueRange Unit { get; } = new(0, 1);

    public double Min => Math.Min(Low, High);

    public double Max => Math.Max(Low, High);

    /// <summary>Where <paramref name="value"/> sits from <see cref="Low"/> (0) to <see cref="High"/> (1), clamped.</summary>
    public double ToFraction(double value) => Math.Clamp((value - Low) / (High - Low), 0, 1);

    public double FromFraction(double fraction) => Low + (Math.Clamp(fraction, 0, 1) * (High - Low));

    /// <summary><paramref name="value"/> in <paramref name="from"/> moved to this range.</summary>
    public double MapFrom(ValueRange from, double value) => FromFraction(from.ToFraction(value));

    public double Clamp(double value) => Math.Clamp(value, Min, Max);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Low}, {High}]");

    /// <summary>Reads <c>[low, high]</c> at <paramref name="key"/>: two different finite numbers.</summary>
    public static ValueRange Read(Config config, string key)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string Expected = "a range [low, high] of two different numbers, e.g. [-60, 6]";
        if (!config.IsList(key))
        {
            throw config.Error(key, Expected);
        }

        object? value = config.GetValue(key);
        if (value is not IReadOnlyList<object?> { Count: 2 } list || !TryNumber(list[0], out double low) || !TryNumber(list[1], out double high))
        {
            throw config.Error(key, Expected);
        }

        return low == high ? throw config.Error(key, Expected, "both ends equal") : new ValueRange(low, high);
    }

    private static bool TryNumber(object? value, out double number)
    {
        number = value switch
        {
            long l => l,
            double d => d,
            _ => double.NaN,
        };
        return double.IsFinite(number);
    }
}
