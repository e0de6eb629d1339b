using NetHub.Messages;

namespace NetHub.Hub.History;

/// <summary>
/// One message in the history: when the hub recorded it (<see cref="At"/>, on the node's clock), which way it
/// went, on which endpoint, from or to which peer, the message itself and its size in bytes as the statistics
/// count it. <see cref="Sequence"/> numbers every recorded message from 1, so a gap shows entries dropped.
/// </summary>
public sealed record HistoryRecord(
    long Sequence,
    DateTimeOffset At,
    TrafficDirection Direction,
    string Endpoint,
    string? Peer,
    HubMessage Message,
    int Bytes);
