namespace NetHub.Hub.Routing;

/// <summary>
/// From the hub to the router, before any endpoint has received anything: the actors the router hands messages to.
/// Messages from an endpoint in <paramref name="SurfaceEndpoints"/> also go to <paramref name="Surfaces"/>, which
/// passes them to the surfaces on that endpoint.
/// </summary>
internal sealed record RouterWiring(
    NetHub.Actors.IActorRef Endpoints,
    NetHub.Actors.IActorRef? Cues,
    NetHub.Actors.IActorRef? History,
    NetHub.Actors.IActorRef? Surfaces,
    IReadOnlySet<string> SurfaceEndpoints);
