namespace NetHub.Actors;

/// <summary>
/// Delivered once to each watcher when a watched actor has stopped, after every message that actor
/// sent to the watcher. <see cref="ExistenceConfirmed"/> is false when the actor was already gone when
/// the watch was set up.
/// </summary>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed);
