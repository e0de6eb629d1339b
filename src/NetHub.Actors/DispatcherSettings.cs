namespace NetHub.Actors;

/// <summary>One entry of <c>nethub.actors.dispatchers</c>.</summary>
public sealed record DispatcherSettings(DispatcherType Type, int Threads, int Throughput);
