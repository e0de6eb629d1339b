namespace NetHub.Transports;

/// <summary>Asks an endpoint for its <see cref="EndpointStatus"/>.</summary>
public sealed record GetEndpointStatus
{
    public static GetEndpointStatus Instance { get; } = new();
}
