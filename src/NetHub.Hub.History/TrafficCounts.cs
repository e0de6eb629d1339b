namespace NetHub.Hub.History;

/// <summary>Messages and bytes since counting began, and over the recent past (<see cref="Recent"/>).</summary>
public sealed record TrafficCounts(long Messages, long Bytes, TrafficWindow Recent)
{
    public static TrafficCounts Empty { get; } = new(0, 0, TrafficWindow.Empty);
}
