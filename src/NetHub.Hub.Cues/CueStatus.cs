namespace NetHub.Hub.Cues;

/// <summary>One cue in a <see cref="CueListStatus"/>: its number and name, its state, and when it was last fired (GO, GOTO or a follow).</summary>
public sealed record CueStatus(string Number, string Name, CueState State, DateTimeOffset? LastFired);
