namespace NetHub.Actors;

/// <summary>A message that could not be delivered: its recipient had stopped or never existed.</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
