namespace NetHub.Hub.History;

/// <summary>
/// What the history's memory bounds hold and have cost: addresses and peers tracked and evicted (least recently
/// seen first) at <c>max-addresses</c> / <c>max-peers</c>, error reasons folded into "other" beyond
/// <c>max-error-reasons</c>, history entries and payload bytes held, and messages larger than <c>max-bytes</c>
/// that were counted but not kept.
/// </summary>
public sealed record TrackingCounts(
    int Addresses,
    long AddressesEvicted,
    int Peers,
    long PeersEvicted,
    int ErrorReasons,
    long ErrorReasonsFolded,
    int HistoryEntries,
    long HistoryBytes,
    long TooLargeToKeep);
