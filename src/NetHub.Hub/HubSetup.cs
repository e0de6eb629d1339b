using NetHub.Transports;

namespace NetHub.Hub;

/// <summary>What the node gives the hub: its name, the configured endpoints, the show settings and the precise scheduler.</summary>
public sealed record HubSetup(string NodeName, IReadOnlyList<EndpointDefinition> Endpoints, HubSettings Settings, IPreciseScheduler Scheduler);
