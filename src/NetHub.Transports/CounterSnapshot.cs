namespace NetHub.Transports;

/// <summary>An endpoint's counters at one moment.</summary>
public sealed record CounterSnapshot(
    long PacketsIn,
    long MessagesIn,
    long BundlesIn,
    long BytesIn,
    long MessagesOut,
    long BytesOut,
    long Errors,
    long Dropped,
    IReadOnlyDictionary<string, long> ErrorsByReason,
    IReadOnlyDictionary<string, long> DropsByReason);
