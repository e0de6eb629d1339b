namespace NetHub.Actors;

/// <summary>
/// The root: stops /system only after /user has stopped (so infrastructure outlives the application),
/// then stops itself, which completes the system's termination.
/// </summary>
internal sealed class RootGuardianActor : Actor
{
    public RootGuardianActor()
    {
        Receive<Terminated>(t =>
        {
            if (t.ActorRef.Path.Name == "user" && Context.Child("system") is { } systemGuardian)
            {
                Context.Stop(systemGuardian);
            }
            else if (t.ActorRef.Path.Name == "system")
            {
                Context.Stop(Self);
            }
        });
    }

    protected internal override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.Stopping;

    protected internal override void PreStart()
    {
        foreach (IActorRef child in Context.Children)
        {
            Context.Watch(child);
        }
    }
}
