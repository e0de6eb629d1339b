namespace NetHub.Hub.History;

/// <summary>
/// Asks /user/hub/history for its traffic statistics; <see cref="Top"/> is how many of the busiest addresses (by
/// their rate over the last 10 s) the answer lists. Answered with <see cref="TrafficStatsReport"/>, or
/// <see cref="HistoryQueryFailed"/> when <see cref="Top"/> is negative or above <see cref="MaxTop"/>.
/// </summary>
public sealed record GetTrafficStats(int Top = 10)
{
    /// <summary>Largest <see cref="Top"/> accepted.</summary>
    public const int MaxTop = 10_000;
}
