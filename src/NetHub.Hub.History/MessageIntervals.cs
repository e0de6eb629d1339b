namespace NetHub.Hub.History;

/// <summary>
/// The rhythm of one address: the average, shortest and longest time between consecutive messages, from
/// <see cref="Count"/> intervals. A pause longer than <c>nethub.history.stream-gap</c> is not an interval of the
/// stream and is left out, so a 30 Hz fader reads ~33 ms / 30 Hz however long it rested between moves.
/// </summary>
public sealed record MessageIntervals(long Count, TimeSpan Average, TimeSpan Min, TimeSpan Max)
{
    public static MessageIntervals None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Messages per second implied by <see cref="Average"/>; 0 when there is no interval yet.</summary>
    public double FrequencyHz => Average > TimeSpan.Zero ? TimeSpan.TicksPerSecond / (double)Average.Ticks : 0;
}
