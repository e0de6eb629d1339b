using System.Collections.Concurrent;

namespace NetHub.Actors;

/// <summary>
/// A dispatcher with its own threads, for infrastructure actors (cluster heartbeats, failure
/// detection) that must keep their timing when the thread pool is saturated by user traffic.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The queue is completed at shutdown; a thread abandoned in user code may still hold it, so it is left to the GC.")]
internal sealed class DedicatedThreadDispatcher : MessageDispatcher
{
    private readonly BlockingCollection<Mailbox> _queue = new(new ConcurrentQueue<Mailbox>());
    private readonly Thread[] _threads;

    public DedicatedThreadDispatcher(string id, int throughput, int threads, string systemName)
        : base(id, throughput)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Work)
            {
                IsBackground = true,
                Name = $"{systemName}-{id}-{i}",
            };
            _threads[i].Start();
        }
    }

    public override void Schedule(Mailbox mailbox)
    {
        if (!_queue.IsAddingCompleted)
        {
            try
            {
                _queue.Add(mailbox);
                return;
            }
            catch (InvalidOperationException)
            {
                // Completed between the check and the add.
            }
        }

        // The system has shut down: nothing may run any more, so the work is abandoned.
    }

    public override void Shutdown(TimeSpan timeout)
    {
        _queue.CompleteAdding();
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        foreach (Thread thread in _threads)
        {
            if (thread == Thread.CurrentThread)
            {
                continue;
            }

            long left = Math.Max(0, deadline - Environment.TickCount64);
            thread.Join(TimeSpan.FromMilliseconds(left));
        }
    }

    private void Work()
    {
        foreach (Mailbox mailbox in _queue.GetConsumingEnumerable())
        {
            mailbox.Run();
        }
    }
}
