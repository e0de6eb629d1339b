namespace NetHub.Hub.Cues;

/// <summary>
/// <c>nethub.cues</c>: how the cue engine runs. <see cref="FadeRate"/> is how many intermediate values per second a
/// fade sends to each target (on the latest-value lane, so a slow endpoint only gets the newest).
/// </summary>
public sealed record CueTimingSettings(double FadeRate)
{
    /// <summary>
    /// Where scene snapshots are kept across restarts (<c>nethub.cues.snapshot-file</c>, relative to the node's working
    /// directory); null keeps them in memory only.
    /// </summary>
    public string? SnapshotFile { get; init; }
}
