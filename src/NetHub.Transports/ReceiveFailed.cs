namespace NetHub.Transports;

/// <summary>A receive or accept loop died of something other than the endpoint stopping; the endpoint fails with it.</summary>
internal sealed record ReceiveFailed(Exception Cause);
