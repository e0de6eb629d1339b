namespace NetHub.Actors;

/// <summary>Stopping an actor and waiting, bounded, until it (and its children) have stopped.</summary>
public static class GracefulStopExtensions
{
    /// <summary>
    /// Stops <paramref name="target"/> and completes with true once it has terminated, or false when
    /// <paramref name="timeout"/> (on the system's clock) passes first. Never throws for a dead target.
    /// </summary>
    public static Task<bool> GracefulStopAsync(this IActorRef target, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not LocalActorRef local)
        {
            throw new ArgumentException($"{target.Path} is not a local actor", nameof(target));
        }

        ActorSystem system = local.Cell.System;
        var watcher = new StopWatcher(system.NextTempPath());
        watcher.Start(system.Time, timeout);
        ((IInternalActorRef)local).SendSystemMessage(new Watch(local, watcher));
        system.Stop(local);
        return watcher.Task;
    }

    /// <summary>A temporary watcher: the first death notice or the deadline settles it.</summary>
    private sealed class StopWatcher(ActorPath path) : IInternalActorRef
    {
        private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private ITimer? _timer;

        public ActorPath Path { get; } = path;

        public bool IsTerminated => _done.Task.IsCompleted;

        public Task<bool> Task => _done.Task;

        public void Start(TimeProvider time, TimeSpan timeout) =>
            _timer = time.CreateTimer(static s => ((StopWatcher)s!).Settle(false), this, timeout, Timeout.InfiniteTimeSpan);

        public void Tell(object message, IActorRef? sender = null)
        {
        }

        public void SendSystemMessage(SystemMessage message)
        {
            if (message is DeathWatchNotification)
            {
                Settle(true);
            }
        }

        private void Settle(bool stopped)
        {
            if (_done.TrySetResult(stopped))
            {
                _timer?.Dispose();
            }
        }
    }
}
