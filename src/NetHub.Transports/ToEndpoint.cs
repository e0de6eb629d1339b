namespace NetHub.Transports;

/// <summary>
/// To /user/hub/endpoints: hand <paramref name="Message"/> to the endpoint named <paramref name="Endpoint"/>. Used
/// until the sender has the endpoint's own reference (right after start), so nothing sent early is lost.
/// </summary>
public sealed record ToEndpoint(string Endpoint, object Message);
