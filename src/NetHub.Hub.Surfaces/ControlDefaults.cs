using System.Globalization;
using NetHub.Configuration;

namespace NetHub.Hub.Surfaces;

/// <summary>
/// The settings every control of a surface shares unless it sets its own (<c>control-defaults</c>): the range the
/// controls send, encoder steps, pulse length, the on and off values and the label format. Kept apart so a surface
/// of 0..127 MIDI-style controls says so once.
/// </summary>
public sealed record ControlDefaults(ValueRange ControlRange, double Step, EncoderMode EncoderMode, TimeSpan PulseTime, double On, double Off, string Format)
{
    internal static readonly string[] Keys = ["control-range", "step", "encoder-mode", "pulse-time", "on", "off", "format"];

    /// <summary>Reads the keys above from <paramref name="config"/> (a <c>control-defaults</c> section or a control).</summary>
    public static ControlDefaults FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        ValueRange range = ValueRange.Read(config, "control-range");
        double step = config.GetDouble("step", double.Epsilon, 1e9);
        EncoderMode mode = config.GetChoice("encoder-mode", ("centered", EncoderMode.Centered), ("signed", EncoderMode.SignedSteps));
        TimeSpan pulse = config.GetPositiveDuration("pulse-time");
        double on = config.GetDouble("on", -1e12, 1e12);
        double off = config.GetDouble("off", -1e12, 1e12);
        string format = config.GetString("format");
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, format, 0.5);
        }
        catch (FormatException ex)
        {
            throw config.Error("format", "a .NET composite format with {0} for the value, e.g. \"{0:0.0} dB\"", $"\"{format}\": {ex.Message}");
        }

        return new ControlDefaults(range, step, mode, pulse, on, off, format);
    }
}
