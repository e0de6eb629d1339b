namespace NetHub.Hub.History;

/// <summary>How often one reason of error was reported on an endpoint, the last peer it named, and when.</summary>
public sealed record ErrorCount(string Endpoint, string Reason, long Count, string? LastPeer, DateTimeOffset LastAt);
