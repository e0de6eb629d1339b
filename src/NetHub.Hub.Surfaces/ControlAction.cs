namespace NetHub.Hub.Surfaces;

/// <summary>
/// What a control does besides (or instead of) moving values (<c>action</c>). Value actions decide how targets get
/// their values; command actions fire a show command on press and also set any targets the control has.
/// </summary>
public enum ControlAction
{
    /// <summary>The control's value, mapped, becomes each target's value.</summary>
    Set,

    /// <summary>On press: each target gets the <c>on</c> value, then after <c>pulse-time</c> the <c>off</c> value.</summary>
    Pulse,

    /// <summary>On press: a stored on/off state flips and each target gets <c>on</c> or <c>off</c> (for push hardware).</summary>
    Toggle,

    /// <summary>On press: recall scene <c>scene</c>.</summary>
    Scene,

    /// <summary>On press: GO on cue list <c>list</c> (the first list when unset).</summary>
    Go,

    /// <summary>On press: BACK on cue list <c>list</c>.</summary>
    Back,

    /// <summary>On press: GOTO cue <c>cue</c> of list <c>list</c>.</summary>
    Goto,

    /// <summary>On press: emergency stop.</summary>
    Panic,
}
