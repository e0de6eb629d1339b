namespace NetHub.Actors;

/// <summary>System-wide scheduling on the injected <see cref="TimeProvider"/>. Prefer per-actor <see cref="ITimerScheduler"/> inside actors.</summary>
public interface IScheduler
{
    TimeProvider Time { get; }

    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null);

    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null);

    /// <summary>Runs <paramref name="action"/> on a timer thread; exceptions are logged, never thrown.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
