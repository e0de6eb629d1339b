namespace NetHub.Hub.Cues;

/// <summary>A cue list at run time: its standby position and, per cue, its state, last fire time and latest run.</summary>
internal sealed class CueListState
{
    public CueListState(CueListDefinition definition)
    {
        Definition = definition;
        Slots = [.. definition.Cues.Select(_ => new CueSlot())];
    }

    public CueListDefinition Definition { get; }

    public string Name => Definition.Name;

    public IReadOnlyList<CueDefinition> Cues => Definition.Cues;

    public int Count => Definition.Cues.Count;

    /// <summary>Index of the standby cue; <see cref="Count"/> when the list has ended.</summary>
    public int Standby { get; set; }

    public CueSlot[] Slots { get; }

    public CueDefinition? StandbyCue => Standby < Count ? Cues[Standby] : null;

    public int IndexOf(string number)
    {
        for (int i = 0; i < Count; i++)
        {
            if (string.Equals(Cues[i].Number, number, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Run-time state of one cue: what the status page shows, and the run it belongs to.</summary>
internal sealed class CueSlot
{
    public CueState State { get; set; } = CueState.Idle;

    public DateTimeOffset? LastFired { get; set; }

    public CueRun? Current { get; set; }
}
