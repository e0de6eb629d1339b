namespace NetHub.TestKit;

/// <summary>
/// A clock that only moves when a test says so. <see cref="Advance"/> fires every timer that falls due,
/// in due order, on the calling thread, with the clock set to each timer's due time as it fires; periodic
/// timers fire once per period crossed. Timers, the actor scheduler, ask timeouts and the shutdown
/// deadline all run on it, so time-dependent behaviour is tested without sleeping.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly SemaphoreSlim _timerCreated = new(0, int.MaxValue);
    private DateTimeOffset _now;
    private long _ticks;
    private long _sequence;
    private TimeSpan _timerLead;

    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 19, 30, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>
    /// How long before its due time a timer fires; zero by default. The system's timers count whole milliseconds on a
    /// coarser clock than the timestamps, so they can fire up to a millisecond before the timestamps say they are due.
    /// Applies to timers armed after it is set.
    /// </summary>
    public TimeSpan TimerLead
    {
        get
        {
            lock (_lock)
            {
                return _timerLead;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_lock)
            {
                _timerLead = value;
            }
        }
    }

    /// <summary>Timers created and not disposed, whether or not they are due.</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.Due is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
            Arm(timer, dueTime, period);
        }

        _timerCreated.Release();
        return timer;
    }

    /// <summary>Moves the clock forward, firing what falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long target;
        lock (_lock)
        {
            target = _ticks + by.Ticks;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.Due is long due && due <= target)
                    .OrderBy(t => t.Due)
                    .ThenBy(t => t.Sequence)
                    .FirstOrDefault();
                if (next is null)
                {
                    Move(target);
                    return;
                }

                Move(next.Due!.Value);
                next.Due = next.Period is long period ? next.Due + period : null;
            }

            next.Callback(next.State);
        }
    }

    /// <summary>Waits (wall clock, bounded) until at least <paramref name="count"/> timers are armed.</summary>
    public bool WaitForActiveTimers(int count, TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (ActiveTimerCount < count)
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                return false;
            }

            _timerCreated.Wait(TimeSpan.FromMilliseconds(Math.Min(left, 50)));
        }

        return true;
    }

    private void Move(long ticks)
    {
        if (ticks > _ticks)
        {
            _now += TimeSpan.FromTicks(ticks - _ticks);
            _ticks = ticks;
        }
    }

    private void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        timer.Sequence = ++_sequence;
        timer.Due = dueTime == Timeout.InfiniteTimeSpan ? null : _ticks + Math.Max(0, dueTime.Ticks - _timerLead.Ticks);
        timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : period.Ticks;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public long? Due { get; set; }

        public long? Period { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                if (!owner._timers.Contains(this))
                {
                    return false;
                }

                owner.Arm(this, dueTime, period);
            }

            owner._timerCreated.Release();
            return true;
        }

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
                Due = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
