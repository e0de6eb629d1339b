using NetHub.Actors;

namespace NetHub.Transports;

/// <summary>
/// What an endpoint gets from the node: the node's name (for message sources), where inbound messages go (null: the
/// endpoint only counts and records), the node's precise scheduler, and where each error it counts is reported as a
/// <see cref="TrafficError"/> (null: counted only).
/// </summary>
public sealed record EndpointContext(string Node, IActorRef? Inbound, IPreciseScheduler Scheduler, IActorRef? Errors = null);
