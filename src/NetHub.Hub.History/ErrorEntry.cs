namespace NetHub.Hub.History;

/// <summary>Count of one error reason on one endpoint, with the last peer it named and when.</summary>
internal sealed class ErrorEntry
{
    public long Count { get; set; }

    public string? LastPeer { get; set; }

    public DateTimeOffset LastAt { get; set; }
}
