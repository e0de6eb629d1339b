namespace NetHub.Hub.Cues;

/// <summary>
/// A cue as configured: its number as written ("2.5", unique in its list), a name for people, a pre-wait before its
/// actions, the actions in order, and how it continues to the next cue. <see cref="PostWait"/> only matters with
/// auto-continue or auto-follow: it is the delay before the next cue fires.
/// </summary>
public sealed record CueDefinition(
    string Number,
    string Name,
    TimeSpan PreWait,
    TimeSpan PostWait,
    CueContinue Continue,
    IReadOnlyList<CueAction> Actions,
    string Where)
{
    /// <summary>"3 'Blackout'", or "3" when the cue has no name: how logs and answers name a cue.</summary>
    public string Label => Name.Length == 0 ? Number : $"{Number} '{Name}'";
}
