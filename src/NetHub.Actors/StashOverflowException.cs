namespace NetHub.Actors;

/// <summary>The actor stashed more messages than its stash capacity allows.</summary>
public sealed class StashOverflowException : Exception
{
    public StashOverflowException()
        : base("Stash capacity exceeded")
    {
    }

    public StashOverflowException(string message)
        : base(message)
    {
    }

    public StashOverflowException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
