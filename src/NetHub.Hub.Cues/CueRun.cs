namespace NetHub.Hub.Cues;

/// <summary>
/// One firing of a cue, from GO until nothing of it is pending: its pre-wait, the fades it started, its follow.
/// Its timers are keyed by <see cref="Id"/>, so a cue fired again while still running gets a run of its own.
/// </summary>
internal sealed class CueRun(long id, CueListState list, int index)
{
    public long Id { get; } = id;

    public CueListState List { get; } = list;

    public int Index { get; } = index;

    public CueDefinition Cue => List.Cues[Index];

    public CueSlot Slot => List.Slots[Index];

    /// <summary>The origin of values it sets ("cue main/12"), so surfaces and logs can tell who moved a value.</summary>
    public string Origin => $"cue {List.Name}/{Cue.Number}";

    public HashSet<long> Fades { get; } = [];

    public bool PreWaitPending { get; set; }

    public bool ActionsFired { get; set; }

    public bool Completed { get; set; }

    public bool FollowPending { get; set; }

    public bool HasPending => PreWaitPending || FollowPending || Fades.Count > 0;
}
