namespace NetHub.Actors;

/// <summary>
/// Death watch. <see cref="Terminated"/> is queued as a user message behind everything the dead actor
/// had sent, delivered exactly once, and never after <see cref="Unwatch"/>. Watching an actor that
/// is already dead yields <see cref="Terminated"/> at once (its mailbox answers the watch).
/// </summary>
internal sealed partial class ActorCell
{
    private readonly HashSet<IInternalActorRef> _watching = [];
    private readonly HashSet<IInternalActorRef> _watchedBy = [];
    private readonly HashSet<IActorRef> _terminatedQueued = [];

    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject is not IInternalActorRef target)
        {
            throw new ArgumentException($"{subject.Path} cannot be watched", nameof(subject));
        }

        if (!ReferenceEquals(target, SelfRef) && _watching.Add(target))
        {
            target.SendSystemMessage(new Watch(target, SelfRef));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject is IInternalActorRef target && _watching.Remove(target))
        {
            target.SendSystemMessage(new Unwatch(target, SelfRef));
        }

        _terminatedQueued.Remove(subject);
        return subject;
    }

    private void AddWatcher(Watch watch)
    {
        if (ReferenceEquals(watch.Watchee, SelfRef) && !ReferenceEquals(watch.Watcher, SelfRef))
        {
            _watchedBy.Add(watch.Watcher);
        }
    }

    private void RemoveWatcher(Unwatch unwatch)
    {
        if (ReferenceEquals(unwatch.Watchee, SelfRef))
        {
            _watchedBy.Remove(unwatch.Watcher);
        }
    }

    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        if (notification.Actor is IInternalActorRef actor
            && _watching.Remove(actor)
            && _state is not (CellState.Terminating or CellState.Terminated))
        {
            _terminatedQueued.Add(actor);
            _mailbox.Post(new Envelope(new Terminated(actor, notification.ExistenceConfirmed), actor));
        }
    }

    /// <summary>True when a queued <see cref="Terminated"/> should still be delivered (consumes it).</summary>
    private bool AcceptTerminated(Terminated terminated) => _terminatedQueued.Remove(terminated.ActorRef);

    private void TellWatchersWeDied()
    {
        foreach (IInternalActorRef watcher in _watchedBy)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(SelfRef, ExistenceConfirmed: true));
        }

        _watchedBy.Clear();
    }

    private void UnwatchWatchedActors()
    {
        foreach (IInternalActorRef watched in _watching)
        {
            watched.SendSystemMessage(new Unwatch(watched, SelfRef));
        }

        _watching.Clear();
        _terminatedQueued.Clear();
    }
}
