namespace NetHub.Hub.History;

/// <summary>
/// Traffic of one address on one endpoint in one direction ("tablet, in, /1/fader1"): counts, recent rates, when
/// it was last seen and the rhythm of its messages.
/// </summary>
public sealed record AddressTraffic(
    string Endpoint,
    TrafficDirection Direction,
    string Address,
    TrafficCounts Counts,
    DateTimeOffset LastSeen,
    MessageIntervals Intervals);
