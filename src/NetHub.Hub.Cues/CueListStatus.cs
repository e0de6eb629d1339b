namespace NetHub.Hub.Cues;

/// <summary>One cue list in a <see cref="CueStatusReport"/>: the cue on standby (null after the last cue) and every cue's state.</summary>
public sealed record CueListStatus(string Name, string? Standby, IReadOnlyList<CueStatus> Cues);
