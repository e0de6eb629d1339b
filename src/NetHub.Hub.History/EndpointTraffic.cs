namespace NetHub.Hub.History;

/// <summary>One endpoint's traffic: what it took in, what it sent out, and how many errors were reported on it.</summary>
public sealed record EndpointTraffic(string Endpoint, TrafficCounts In, TrafficCounts Out, long Errors);
