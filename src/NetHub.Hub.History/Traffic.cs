using NetHub.Messages;

namespace NetHub.Hub.History;

/// <summary>
/// The router's report of one message crossing the hub, told to /user/hub/history for every message of the show.
/// For <see cref="TrafficDirection.In"/>, <see cref="Endpoint"/> and <see cref="Peer"/> say where it came from;
/// for <see cref="TrafficDirection.Out"/>, where it went (<see cref="Peer"/> null: the endpoint's default
/// destination). A value: the router's per-run <see cref="TrafficBatch"/> holds its reports inline, so reporting a
/// message allocates nothing of its own (a report told alone is boxed).
/// </summary>
public readonly record struct Traffic(HubMessage Message, TrafficDirection Direction, string Endpoint, string? Peer);
