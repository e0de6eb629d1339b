namespace NetHub.Actors;

/// <summary>The actor's constructor, PreStart or PostRestart threw; the default decider stops it.</summary>
public sealed class ActorInitializationException : Exception
{
    public ActorInitializationException()
        : base("Actor failed to initialize")
    {
    }

    public ActorInitializationException(string message)
        : base(message)
    {
    }

    public ActorInitializationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ActorPath? Actor { get; init; }
}
