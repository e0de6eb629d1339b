namespace NetHub.Actors;

/// <summary>
/// One actor's keyed timers on the system <see cref="TimeProvider"/>. Each start bumps the key's
/// generation; the mailbox delivers a <see cref="TimerMessage"/> only if its generation is current, so a
/// cancelled or replaced timer's message is dropped even when already queued.
/// </summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private int _generation;

    public IReadOnlyCollection<object> ActiveTimerKeys => [.. _timers.Keys];

    public void StartSingleTimer(object key, object message, TimeSpan delay) => Start(key, message, delay, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => StartPeriodicTimer(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, message, initialDelay, interval);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out Entry? entry))
        {
            entry.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (Entry entry in _timers.Values)
        {
            entry.Timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>True if the timer message is current; a single timer is then forgotten.</summary>
    internal bool TryAccept(TimerMessage message)
    {
        if (!ReferenceEquals(message.Owner, this)
            || !_timers.TryGetValue(message.Key, out Entry? entry)
            || entry.Generation != message.Generation)
        {
            return false;
        }

        if (!entry.Periodic)
        {
            _timers.Remove(message.Key);
            entry.Timer.Dispose();
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Cancel(key);
        int generation = ++_generation;
        var timerMessage = new TimerMessage(key, generation, message, this);
        IActorRef self = cell.Self;
        ITimer timer = cell.System.Time.CreateTimer(
            static state =>
            {
                var (target, msg) = ((IActorRef, TimerMessage))state!;
                target.Tell(msg);
            },
            (self, timerMessage),
            delay,
            period);
        _timers[key] = new Entry(generation, timer, period != Timeout.InfiniteTimeSpan);
    }

    private sealed record Entry(int Generation, ITimer Timer, bool Periodic);
}
