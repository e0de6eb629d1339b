namespace NetHub.Hub.Surfaces;

/// <summary>
/// The kinds of control a surface has (<c>type</c>), named as TouchOSC and Open Stage Control name them, because
/// each kind sends and shows its value differently: a fader sends absolute positions, an encoder relative steps,
/// a push button a press and a release, an XY pad two values at once.
/// </summary>
public enum ControlType
{
    /// <summary>One float, absolute.</summary>
    Fader,

    /// <summary>A knob: one float, absolute (the same as a fader).</summary>
    Rotary,

    /// <summary>Relative: each message moves an accumulated value by steps (<c>encoder-mode</c>, <c>step</c>).</summary>
    Encoder,

    /// <summary>A momentary button: 1 on press, 0 on release.</summary>
    Push,

    /// <summary>A latching button: 1 or 0; the surface holds the state.</summary>
    Toggle,

    /// <summary>An XY pad: two floats, x and y, each mapped to its own targets.</summary>
    Xy,

    /// <summary>A bank of faders at <c>address/N</c>, N being each fader's index (<c>count</c>).</summary>
    MultiFader,

    /// <summary>Output only: shows a target's value or text.</summary>
    Label,
}
