namespace NetHub.Actors;

/// <summary>A message and its sender as they travel through a mailbox; a struct so a hop allocates nothing.</summary>
internal readonly struct Envelope(object message, IActorRef? sender)
{
    public object Message { get; } = message;

    public IActorRef? Sender { get; } = sender;
}
