namespace NetHub.Transports;

public sealed record EndpointStatusReport(IReadOnlyList<EndpointStatus> Endpoints);
