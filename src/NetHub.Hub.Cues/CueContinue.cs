namespace NetHub.Hub.Cues;

/// <summary>
/// What a cue does with the next cue of its list once it has fired (QLab's continue mode): nothing, fire it
/// a post-wait after this cue's actions fire, or fire it a post-wait after this cue has completed.
/// </summary>
public enum CueContinue
{
    /// <summary>The next cue waits for GO.</summary>
    None,

    /// <summary>The next cue fires the post-wait after this cue's actions fired (fades may still be running).</summary>
    AutoContinue,

    /// <summary>The next cue fires the post-wait after this cue completed: every scene fade it started has finished.</summary>
    AutoFollow,
}
