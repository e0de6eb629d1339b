namespace NetHub.Hub.Cues;

/// <summary>Asks /user/hub/cues for the state of every cue list and scene; the reply is a <see cref="CueStatusReport"/>.</summary>
public sealed record GetCueStatus
{
    public static GetCueStatus Instance { get; } = new();
}
