using NetHub.Osc;

namespace NetHub.Hub.Cues;

/// <summary>A running scene fade: its targets (each from its value at the start to the scene's), its clock start and length.</summary>
internal sealed class FadeRun(long id, string scene, CueRun? owner, string origin, long started, TimeSpan duration)
{
    public long Id { get; } = id;

    public string Scene { get; } = scene;

    /// <summary>The cue run that started it; null for a recall command.</summary>
    public CueRun? Owner { get; } = owner;

    public string Origin { get; } = origin;

    /// <summary>Start, as a <see cref="TimeProvider"/> timestamp.</summary>
    public long Started { get; } = started;

    public TimeSpan Duration { get; } = duration;

    /// <summary>When the next tick is due, from the start.</summary>
    public TimeSpan Due { get; set; }

    public List<FadeTrack> Tracks { get; } = [];
}

/// <summary>One target of a fade.</summary>
internal sealed record FadeTrack(ValueTarget Target, IReadOnlyList<OscArgument> From, IReadOnlyList<OscArgument> To);
