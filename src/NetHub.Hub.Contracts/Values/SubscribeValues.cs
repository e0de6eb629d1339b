namespace NetHub.Hub;

/// <summary>
/// To the router: tell <paramref name="Subscriber"/> (<see cref="ValueChanged"/>) whenever one of
/// <paramref name="Targets"/> changes. The subscriber is dropped when it stops.
/// </summary>
public sealed record SubscribeValues(NetHub.Actors.IActorRef Subscriber, IReadOnlyList<ValueTarget> Targets);
