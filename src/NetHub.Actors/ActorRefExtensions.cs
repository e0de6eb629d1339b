namespace NetHub.Actors;

public static class ActorRefExtensions
{
    /// <summary>Sends <paramref name="message"/> keeping the sender of the message being handled.</summary>
    public static void Forward(this IActorRef target, object message, IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        target.Tell(message, context.Sender);
    }

    /// <summary>True when the reference is known to point at a stopped actor.</summary>
    public static bool IsTerminated(this IActorRef actor) => actor is IInternalActorRef { IsTerminated: true };
}
