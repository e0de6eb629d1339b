namespace NetHub.Hub.History;

/// <summary>One endpoint's counters, in and out, and its error count.</summary>
internal sealed class EndpointEntry(string name)
{
    public string Name { get; } = name;

    public TrafficCounter In { get; } = new();

    public TrafficCounter Out { get; } = new();

    public long Errors { get; set; }

    public EndpointTraffic Traffic(long now) => new(Name, In.Counts(now), Out.Counts(now), Errors);
}
