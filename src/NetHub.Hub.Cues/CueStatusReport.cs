namespace NetHub.Hub.Cues;

/// <summary>
/// The answer to <see cref="GetCueStatus"/>: every cue list with its standby and cue states, every scene with its
/// fade, how many commands were refused (unknown list, cue or scene) since the node started, and how many snapshots
/// could not be written to the snapshot file.
/// </summary>
public sealed record CueStatusReport(IReadOnlyList<CueListStatus> Lists, IReadOnlyList<SceneStatus> Scenes, long RejectedCommands, long SnapshotSaveFailures = 0);
