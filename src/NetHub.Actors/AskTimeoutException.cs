namespace NetHub.Actors;

/// <summary>An ask got no reply in time. The message names the target and the message type.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    public AskTimeoutException()
        : base("Ask timed out")
    {
    }

    public AskTimeoutException(string message)
        : base(message)
    {
    }

    public AskTimeoutException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ActorPath? Target { get; init; }

    public Type? MessageType { get; init; }

    public TimeSpan Timeout { get; init; }
}
