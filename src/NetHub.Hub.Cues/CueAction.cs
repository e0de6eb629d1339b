namespace NetHub.Hub.Cues;

/// <summary>
/// One thing a cue does when it fires; a cue's actions run in the order they are written. <see cref="Where"/> is the
/// configuration location ("show.conf:12:9 (nethub.cue-lists.main.cues[2].actions[0])") so a log about an action
/// sends the technician to the line that wrote it.
/// </summary>
public abstract record CueAction(string Where);
