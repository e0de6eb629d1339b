namespace NetHub.Hub.History;

internal readonly record struct ErrorKey(string Endpoint, string Reason);
