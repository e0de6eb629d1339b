namespace NetHub.Hub.History;

/// <summary>
/// The answer to <see cref="QueryHistory"/>: at most the query's limit of matching entries, newest first;
/// <see cref="Matched"/> counts every entry in the buffer that matched (so "showing 100 of 2 345"), and
/// <see cref="TotalRecorded"/> every message recorded since the node started, kept or already dropped.
/// </summary>
public sealed record HistoryPage(IReadOnlyList<HistoryRecord> Entries, int Matched, long TotalRecorded);
