namespace NetHub.Actors;

/// <summary>
/// Per-actor timers on the system's <see cref="TimeProvider"/>. Keys are unique: starting a timer with a
/// key in use replaces it, and a message from a replaced or cancelled timer is never delivered, even
/// if it was already queued. All timers are cancelled when the actor restarts or stops. Call only
/// from the actor's own turn.
/// </summary>
public interface ITimerScheduler
{
    void StartSingleTimer(object key, object message, TimeSpan delay);

    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    bool IsTimerActive(object key);

    IReadOnlyCollection<object> ActiveTimerKeys { get; }

    void Cancel(object key);

    void CancelAll();
}
