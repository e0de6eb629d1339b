using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace NetHub.Transports;

/// <summary>
/// Fires at absolute times on the real clock without the 1-15 ms granularity of ordinary timers: a
/// dedicated thread sleeps until shortly before the earliest deadline, then spins to it on the
/// monotonic clock, so a bundle timed for 20:00:00.000 runs within tens of microseconds of it.
/// With any other <see cref="TimeProvider"/> (a manual clock in tests) it uses that provider's timers,
/// so tests stay deterministic.
/// </summary>
public sealed class PreciseScheduler : IPreciseScheduler, IDisposable
{
    // Timed waits wake within about a millisecond on Linux; the rest of the way is spun.
    private static readonly long SpinTicks = Stopwatch.Frequency * 3 / 2000;

    private readonly PriorityQueue<Item, long> _queue = new();
    // A plain object: the thread waits on it with Monitor.Wait, which System.Threading.Lock does not offer.
    private readonly object _lock = new();
    private readonly ILogger _log;
    private readonly Thread? _thread;
    private volatile bool _disposed;

    public PreciseScheduler(TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        Time = time;
        _log = log;
        if (ReferenceEquals(time, TimeProvider.System))
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "nethub-precise-timer", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }
    }

    public TimeProvider Time { get; }

    public IDisposable ScheduleAt(DateTimeOffset when, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_thread is null)
        {
            TimeSpan delay = when - Time.GetUtcNow();
            var timed = new Item(action);
            timed.Timer = Time.CreateTimer(
                static s =>
                {
                    var (scheduler, item) = ((PreciseScheduler, Item))s!;
                    scheduler.Fire(item);
                },
                (this, timed),
                delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
                Timeout.InfiniteTimeSpan);
            return timed;
        }

        long due = Stopwatch.GetTimestamp() + (long)((when - Time.GetUtcNow()).TotalSeconds * Stopwatch.Frequency);
        var item = new Item(action);
        lock (_lock)
        {
            _queue.Enqueue(item, due);
            Monitor.PulseAll(_lock);
        }

        return item;
    }

    public void Dispose()
    {
        _disposed = true;
        lock (_lock)
        {
            Monitor.PulseAll(_lock);
        }

        _thread?.Join(TimeSpan.FromSeconds(1));
    }

    private void Run()
    {
        while (!_disposed)
        {
            Item? next = null;
            long due = 0;
            lock (_lock)
            {
                while (_queue.TryPeek(out Item? head, out due) && head.IsCancelled)
                {
                    _queue.Dequeue();
                }

                if (_queue.Count == 0)
                {
                    Monitor.Wait(_lock);
                    continue;
                }

                long remaining = due - Stopwatch.GetTimestamp();
                if (remaining > SpinTicks)
                {
                    // Woken early by a new, earlier item (PulseAll) or by the timeout; either way look again.
                    Monitor.Wait(_lock, TimeSpan.FromSeconds((double)(remaining - SpinTicks) / Stopwatch.Frequency));
                    continue;
                }

                next = _queue.Dequeue();
            }

            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.SpinWait(20);
            }

            Fire(next);
        }
    }

    private void Fire(Item item)
    {
        try
        {
            item.RunOnce();
        }
        catch (Exception ex)
        {
            TransportsLog.ScheduledDeliveryFailed(_log, ex);
        }
    }

    private sealed class Item(Action action) : IDisposable
    {
        private int _state;

        public ITimer? Timer { get; set; }

        public bool IsCancelled => Volatile.Read(ref _state) != 0;

        public void RunOnce()
        {
            if (Interlocked.Exchange(ref _state, 1) == 0)
            {
                Timer?.Dispose();
                action();
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _state, 2) == 0)
            {
                Timer?.Dispose();
            }
        }
    }
}
