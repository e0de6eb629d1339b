namespace NetHub.Hub.History;

/// <summary>Several <see cref="Traffic"/> reports in the order they happened: what the router passes on after a run of messages.</summary>
public sealed record TrafficBatch(IReadOnlyList<Traffic> Reports);
