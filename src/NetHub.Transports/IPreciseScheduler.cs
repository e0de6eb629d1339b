namespace NetHub.Transports;

/// <summary>Runs actions at absolute times with sub-millisecond precision (scheduled OSC bundles, timed cues).</summary>
public interface IPreciseScheduler
{
    TimeProvider Time { get; }

    /// <summary>Runs <paramref name="action"/> at <paramref name="when"/> (a past time runs as soon as possible). Dispose the result to cancel.</summary>
    IDisposable ScheduleAt(DateTimeOffset when, Action action);
}
