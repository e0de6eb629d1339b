namespace NetHub.Actors;

/// <summary>
/// A handle to an actor. Telling never blocks the caller (except a bounded mailbox declared with
/// <see cref="MailboxFullMode.Wait"/>) and never throws; a message to a stopped actor becomes a
/// <see cref="DeadLetter"/>.
/// </summary>
public interface IActorRef
{
    ActorPath Path { get; }

    /// <summary>Sends <paramref name="message"/>; <paramref name="sender"/> is what the receiver sees as Sender.</summary>
    void Tell(object message, IActorRef? sender = null);
}
