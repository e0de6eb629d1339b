namespace NetHub.Transports;

/// <summary>Asks the endpoints actor for every endpoint's status; the reply is an <see cref="EndpointStatusReport"/>.</summary>
public sealed record GetAllEndpointStatus
{
    public static GetAllEndpointStatus Instance { get; } = new();
}
