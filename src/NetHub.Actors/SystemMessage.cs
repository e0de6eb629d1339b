namespace NetHub.Actors;

/// <summary>
/// Lifecycle traffic between the runtime's cells. System messages travel on their own queue and are
/// handled before any queued user message, so Stop overtakes a backlog and supervision is never stuck
/// behind a flood.
/// </summary>
internal abstract record SystemMessage;

/// <summary>First message of every cell: construct the actor and run PreStart.</summary>
internal sealed record Create : SystemMessage
{
    public static Create Instance { get; } = new();
}

/// <summary>Supervisor's Restart directive.</summary>
internal sealed record Recreate(Exception Cause) : SystemMessage;

/// <summary>Supervisor's Resume directive.</summary>
internal sealed record Resume(Exception Cause) : SystemMessage;

/// <summary>Stop the actor: children first, then PostStop, then notify watchers and the parent.</summary>
internal sealed record Terminate : SystemMessage
{
    public static Terminate Instance { get; } = new();
}

internal sealed record Watch(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;

internal sealed record Unwatch(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;

/// <summary>Sent to each watcher when the watched actor has terminated (or was found dead).</summary>
internal sealed record DeathWatchNotification(IActorRef Actor, bool ExistenceConfirmed) : SystemMessage;

/// <summary>A child reports that it threw and is suspended until its parent decides.</summary>
internal sealed record Failed(IActorRef Child, Exception Cause, Type? MessageType) : SystemMessage;

/// <summary>A child tells its parent it has terminated, so the parent can free the name.</summary>
internal sealed record ChildTerminated(IActorRef Child) : SystemMessage;
