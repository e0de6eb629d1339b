namespace NetHub.Hub.Cues;

/// <summary>Where a cue is in its life, as the status page shows it (the latest time it was fired).</summary>
public enum CueState
{
    /// <summary>Not fired since the node started.</summary>
    Idle,

    /// <summary>Fired; waiting out its pre-wait before its actions.</summary>
    PreWait,

    /// <summary>Actions fired; a scene fade it started is still running.</summary>
    Running,

    /// <summary>Waiting out its post-wait before the next cue fires (auto-continue or auto-follow).</summary>
    PostWait,

    /// <summary>Actions fired, fades finished, follow fired.</summary>
    Done,

    /// <summary>Cancelled by STOP or panic before it finished.</summary>
    Stopped,
}
