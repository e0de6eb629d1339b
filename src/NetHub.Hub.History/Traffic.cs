using NetHub.Messages;

namespace NetHub.Hub.History;

/// <summary>
/// The router's report of one message crossing the hub, told to /user/hub/history for every message of the show.
/// For <see cref="TrafficDirection.In"/>, <see cref="Endpoint"/> and <see cref="Peer"/> say where it came from;
/// for <see cref="TrafficDirection.Out"/>, where it went (<see cref="Peer"/> null: the endpoint's default
/// destination). The history keeps this object itself in its ring buffer, so reporting costs no copy.
/// </summary>
public sealed record Traffic(HubMessage Message, TrafficDirection Direction, string Endpoint, string? Peer);
