namespace NetHub.Hub.Routing;

/// <summary>What the router has done since it started, for status pages and tests.</summary>
public sealed record RouterCounters(
    long Inbound,
    long Routed,
    long Sent,
    long Coalesced,
    long EchoSuppressed,
    long LoopsCut,
    long TransformDrops,
    long Commands,
    IReadOnlyDictionary<string, long> Failures);

/// <summary>Ask the router for its <see cref="RouterCounters"/>.</summary>
public sealed record GetRouterCounters
{
    public static GetRouterCounters Instance { get; } = new();
}
