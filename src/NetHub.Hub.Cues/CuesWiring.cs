using NetHub.Actors;

namespace NetHub.Hub.Cues;

/// <summary>
/// To /user/hub/cues once the endpoints exist: /user/hub/endpoints, which an emergency stop asks whether every endpoint
/// it sent panic messages to was running to take them.
/// </summary>
public sealed record CuesWiring(IActorRef Endpoints);
