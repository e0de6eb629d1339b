namespace NetHub.Hub.History;

/// <summary>
/// The answer to a <see cref="QueryHistory"/> or <see cref="GetTrafficStats"/> that cannot be run, with the reason
/// written for the person who typed it (the bad pattern and where it breaks, the accepted range of a limit).
/// </summary>
public sealed record HistoryQueryFailed(string Reason);
