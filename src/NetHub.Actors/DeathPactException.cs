namespace NetHub.Actors;

/// <summary>
/// Thrown when an actor receives <see cref="Terminated"/> for an actor it watches but has no handler
/// for it: watching without handling means "I cannot live without it" (Akka's death pact).
/// </summary>
public sealed class DeathPactException : Exception
{
    public DeathPactException()
        : base("Watched actor terminated and Terminated was not handled")
    {
    }

    public DeathPactException(string message)
        : base(message)
    {
    }

    public DeathPactException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public IActorRef? DeadActor { get; init; }
}
