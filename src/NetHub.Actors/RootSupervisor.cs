namespace NetHub.Actors;

/// <summary>The parent of the root guardian: not an actor, just where the root reports.</summary>
internal sealed class RootSupervisor(ActorSystem system, ActorPath path) : IInternalActorRef
{
    public ActorPath Path { get; } = path;

    public bool IsTerminated => system.WhenTerminated.IsCompleted;

    public void Tell(object message, IActorRef? sender = null) => system.PublishDeadLetter(message, sender, this);

    public void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                ActorsLog.GuardianFailed(system.Log, failed.Cause, failed.Child.Path.ToString());
                ((IInternalActorRef)failed.Child).SendSystemMessage(Terminate.Instance);
                break;
            case ChildTerminated:
                system.FinishTermination(forced: false);
                break;
            case Watch watch:
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false));
                break;
        }
    }
}
