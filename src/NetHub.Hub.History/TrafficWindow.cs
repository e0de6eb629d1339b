namespace NetHub.Hub.History;

/// <summary>
/// Messages and bytes over the recent past: the last 1 s (counted in 100 ms buckets), 10 s and 60 s (1 s buckets).
/// A message leaves a window between one bucket before and the window's end after it was recorded, so the counts
/// are exact at bucket boundaries. The rates divide by the window length.
/// </summary>
public sealed record TrafficWindow(
    long Messages1s,
    long Messages10s,
    long Messages60s,
    long Bytes1s,
    long Bytes10s,
    long Bytes60s)
{
    public static TrafficWindow Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Messages per second over the last second.</summary>
    public double Rate1s => Messages1s;

    /// <summary>Messages per second over the last 10 s.</summary>
    public double Rate10s => Messages10s / 10.0;

    /// <summary>Messages per second over the last 60 s.</summary>
    public double Rate60s => Messages60s / 60.0;
}
