namespace NetHub.Transports;

/// <summary>
/// What an endpoint gets from the node: the node's name (for message sources), where inbound
/// messages go (null: the endpoint only counts and records), and the node's precise scheduler.
/// </summary>
public sealed record EndpointContext(string Node, NetHub.Actors.IActorRef? Inbound, IPreciseScheduler Scheduler);
