using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NetHub.Actors;

/// <summary>The system scheduler: <see cref="TimeProvider"/> timers, all cancelled when the system terminates.</summary>
internal sealed class Scheduler(TimeProvider time, ILogger log) : IScheduler
{
    private readonly ConcurrentDictionary<Scheduled, byte> _live = new();
    private volatile bool _closed;

    public TimeProvider Time { get; } = time;

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Add(delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Add(initialDelay, interval, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Add(delay, Timeout.InfiniteTimeSpan, action);
    }

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Add(initialDelay, interval, action);
    }

    internal void Shutdown()
    {
        _closed = true;
        foreach (Scheduled s in _live.Keys)
        {
            s.Cancel();
        }
    }

    private Scheduled Add(TimeSpan delay, TimeSpan period, Action action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var scheduled = new Scheduled(this, action, period != Timeout.InfiniteTimeSpan);
        if (_closed)
        {
            scheduled.Cancel();
            return scheduled;
        }

        _live.TryAdd(scheduled, 0);
        scheduled.Arm(Time.CreateTimer(static s => ((Scheduled)s!).Fire(), scheduled, delay, period));
        return scheduled;
    }

    private sealed class Scheduled(Scheduler owner, Action action, bool periodic) : ICancelable
    {
        private ITimer? _timer;
        private int _cancelled;

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public bool Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) != 0)
            {
                return false;
            }

            Volatile.Read(ref _timer)?.Dispose();
            owner._live.TryRemove(this, out _);
            return true;
        }

        internal void Arm(ITimer timer)
        {
            Volatile.Write(ref _timer, timer);
            if (IsCancellationRequested)
            {
                timer.Dispose();
            }
        }

        internal void Fire()
        {
            if (IsCancellationRequested)
            {
                return;
            }

            if (!periodic && Interlocked.Exchange(ref _cancelled, 1) != 0)
            {
                return;
            }

            try
            {
                action();
            }
            catch (Exception ex)
            {
                ActorsLog.ScheduledActionFailed(owner.Log, ex);
            }
            finally
            {
                if (!periodic)
                {
                    Volatile.Read(ref _timer)?.Dispose();
                    owner._live.TryRemove(this, out _);
                }
            }
        }
    }

    private ILogger Log { get; } = log;
}
