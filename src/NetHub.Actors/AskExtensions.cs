namespace NetHub.Actors;

/// <summary>Request/response with an actor. The timeout is mandatory; it runs on the system's <see cref="TimeProvider"/>.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns its first reply.
    /// Fails with <see cref="AskTimeoutException"/> naming the target and message type when no reply
    /// comes within <paramref name="timeout"/>.
    /// </summary>
    public static Task<T> AskAsync<T>(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "An ask needs a positive, finite timeout");
        }

        ActorSystem system = target switch
        {
            LocalActorRef local => local.Cell.System,
            _ => throw new ArgumentException($"{target.Path} is not a local actor; ask needs a local target", nameof(target)),
        };
        var promise = new PromiseActorRef<T>(system, system.NextTempPath(), target, message.GetType(), timeout);
        promise.Start(cancellationToken);
        target.Tell(message, promise);
        return promise.Task;
    }

    public static Task<object> AskAsync(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        AskAsync<object>(target, message, timeout, cancellationToken);
}
