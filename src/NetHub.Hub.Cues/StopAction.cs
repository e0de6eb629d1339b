namespace NetHub.Hub.Cues;

/// <summary><c>{ stop = listname }</c>: STOP a cue list: its pending waits and follows and its running fades.</summary>
public sealed record StopAction(string List, string Where) : CueAction(Where);
