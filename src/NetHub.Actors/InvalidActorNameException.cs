namespace NetHub.Actors;

/// <summary>A child name is malformed or already taken by a live sibling.</summary>
public sealed class InvalidActorNameException : ArgumentException
{
    public InvalidActorNameException()
    {
    }

    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    public InvalidActorNameException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
