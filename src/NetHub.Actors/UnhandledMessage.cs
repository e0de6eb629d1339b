namespace NetHub.Actors;

/// <summary>Published when an actor has no handler for a message it received.</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
