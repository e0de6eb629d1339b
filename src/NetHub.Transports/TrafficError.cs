namespace NetHub.Transports;

/// <summary>
/// A problem with traffic on an endpoint (a malformed packet, a send that failed, a message that could not be sent),
/// with the peer it came from or was for when there is one. Every error an endpoint counts is also told to
/// <see cref="EndpointContext.Errors"/> (in a node, /user/hub/history), so the traffic statistics show errors by
/// reason, per endpoint and per peer. <see cref="Received"/>: the peer sent what went wrong, so it was heard from
/// (a device that only ever sends garbage still shows among the peers, with its errors).
/// </summary>
public sealed record TrafficError(string Endpoint, string? Peer, string Reason, bool Received = false);
