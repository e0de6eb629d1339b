namespace NetHub.Hub.Surfaces;

/// <summary>
/// How an encoder's messages count steps (<c>encoder-mode</c>): controllers disagree, and reading one kind as the
/// other makes a knob run away in one direction.
/// </summary>
public enum EncoderMode
{
    /// <summary>A value from 0 to 1 around 0.5: (value - 0.5) × 2 steps, so TouchOSC's 1 and 0 are one step up and down.</summary>
    Centered,

    /// <summary>A signed number of steps: +1, -1, +3.</summary>
    SignedSteps,
}
