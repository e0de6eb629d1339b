namespace NetHub.Hub.Cues;

/// <summary>
/// The answer to <see cref="GetCueStatus"/>: every cue list with its standby and cue states, every scene with its
/// fade, and how many commands were refused (unknown list, cue or scene) since the node started.
/// </summary>
public sealed record CueStatusReport(IReadOnlyList<CueListStatus> Lists, IReadOnlyList<SceneStatus> Scenes, long RejectedCommands);
