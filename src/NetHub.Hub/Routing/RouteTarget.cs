namespace NetHub.Hub.Routing;

/// <summary>One destination of a route: an endpoint, and the address to send to (the incoming one when null).</summary>
public sealed record RouteTarget(string Endpoint, AddressTemplate? Address)
{
    public override string ToString() => Address is null ? Endpoint : $"{Endpoint}:{Address}";
}
