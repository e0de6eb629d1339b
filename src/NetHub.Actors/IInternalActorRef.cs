namespace NetHub.Actors;

/// <summary>What the runtime needs from a reference beyond <see cref="IActorRef"/>.</summary>
internal interface IInternalActorRef : IActorRef
{
    bool IsTerminated { get; }

    void SendSystemMessage(SystemMessage message);
}
