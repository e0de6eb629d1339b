namespace NetHub.Hub.Cues;

/// <summary>
/// One scene in a <see cref="CueStatusReport"/>: whether a fade of it is running, and how far (0 to 1); when a snapshot
/// stored its values (null while they are the show file's).
/// </summary>
public sealed record SceneStatus(string Name, bool Fading, double Progress, DateTimeOffset? Stored = null);
