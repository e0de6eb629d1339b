namespace NetHub.Hub.Surfaces;

/// <summary>
/// What a surface is doing, for a technician checking why a fader "does nothing": each control's current value and
/// touch state, the peers it feeds back to, and how much input it took, sent back and dropped (per reason).
/// </summary>
public sealed record SurfaceStatus(
    string Name,
    string Endpoint,
    FeedbackMode Feedback,
    IReadOnlyList<ControlStatus> Controls,
    IReadOnlyList<string> Peers,
    long Inputs,
    long FeedbackSent,
    long CommandsFired,
    IReadOnlyDictionary<string, long> Dropped);
