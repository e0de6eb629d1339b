using System.Globalization;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Surfaces;

/// <summary>
/// One concrete control at run time (a multi-fader has one per fader): its address, resolved targets per axis,
/// the current value per axis, what the person last sent, and touch state.
/// </summary>
internal sealed class ControlInstance
{
    public ControlInstance(int index, ControlSettings control, string address, IReadOnlyList<string> ids)
    {
        Index = index;
        Control = control;
        Address = address;
        FeedbackAddress = control.FeedbackAddress is { } feedback ? TargetMapping.Substitute(feedback, ids) : address;
        TouchAddress = address + "/z";
        Ids = ids;
        Targets = [.. control.Axes.Select(axis => axis.Select(t => t.Resolve(ids)).ToArray())];
        Values = new double?[Targets.Length];
        LastInput = new double?[Targets.Length];
    }

    public int Index { get; }

    public ControlSettings Control { get; }

    public string Address { get; }

    /// <summary>Where the control's feedback goes: its own address unless the control names another (<c>feedback-address</c>).</summary>
    public string FeedbackAddress { get; }

    public string TouchAddress { get; }

    public IReadOnlyList<string> Ids { get; }

    /// <summary>Resolved targets by axis (x, y for an XY pad; one axis otherwise), parallel to <see cref="ControlSettings.Axes"/>.</summary>
    public ValueTarget[][] Targets { get; }

    /// <summary>The current value per axis in control units; null until known.</summary>
    public double?[] Values { get; }

    /// <summary>What the person last sent per axis, to tell on release whether the surface shows something stale.</summary>
    public double?[] LastInput { get; }

    public long? LastInputAt { get; set; }

    public bool UsesTouchMessages { get; set; }

    public bool TouchedByMessage { get; set; }

    /// <summary>Feedback arrived while touched and was not sent.</summary>
    public bool Held { get; set; }

    /// <summary>The stored state of a push with <c>action = toggle</c>.</summary>
    public bool ToggleState { get; set; }

    public string? LabelText { get; set; }

    public ValueRange Range => Control.Options.ControlRange;

    /// <summary>What to send the control to show its current value; null when there is nothing to show yet.</summary>
    public IReadOnlyList<OscArgument>? FeedbackArguments() => Control.Type switch
    {
        ControlType.Label => LabelText is null ? null : [OscArgument.String(LabelText)],
        ControlType.Encoder => null,
        ControlType.Xy => Values[0] is null && Values[1] is null
            ? null
            : [OscArgument.Float32((float)(Values[0] ?? Range.Low)), OscArgument.Float32((float)(Values[1] ?? Range.Low))],
        _ => Values[0] is { } v ? [OscArgument.Float32((float)v)] : null,
    };

    /// <summary>Whether the value shown differs from what the person left on the control.</summary>
    public bool DiffersFromInput()
    {
        double tolerance = Math.Abs(Range.High - Range.Low) * 1e-6;
        for (int axis = 0; axis < Values.Length; axis++)
        {
            if (Values[axis] is { } v && (LastInput[axis] is not { } left || Math.Abs(v - left) > tolerance))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sets the label text from a target's value: text as it is, a number through <c>format</c>.</summary>
    public void ShowOnLabel(IReadOnlyList<OscArgument> value)
    {
        LabelText = value switch
        {
            [] => string.Empty,
            [{ Type: OscType.String or OscType.Symbol } text] => text.AsString(),
            [var single] when SurfaceValues.TryNumber(single, out double number) => string.Format(CultureInfo.InvariantCulture, Control.Options.Format, number),
            _ => string.Join(' ', value.Select(PayloadConvert.FormatPlain)),
        };
    }
}
