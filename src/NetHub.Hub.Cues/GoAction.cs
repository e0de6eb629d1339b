namespace NetHub.Hub.Cues;

/// <summary><c>{ go = listname }</c>: GO on another (or the same) cue list, as if its GO button were pressed.</summary>
public sealed record GoAction(string List, string Where) : CueAction(Where);
