namespace NetHub.Hub.History;

/// <summary>One endpoint's counters, in and out, and its error count.</summary>
internal sealed class EndpointEntry(string name)
{
    public string Name { get; } = name;

    public TrafficCounter In { get; } = new();

    public TrafficCounter Out { get; } = new();

    public long Errors { get; set; }

    /// <summary>The address entry of this endpoint's last message in, and out: a stream finds its entry without a look-up.</summary>
    public AddressEntry? LastIn { get; set; }

    /// <inheritdoc cref="LastIn"/>
    public AddressEntry? LastOut { get; set; }

    public EndpointTraffic Traffic(long now) => new(Name, In.Counts(now), Out.Counts(now), Errors);
}
