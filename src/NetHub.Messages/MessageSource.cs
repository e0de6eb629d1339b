namespace NetHub.Messages;

/// <summary>
/// Where a message came from: the node, the endpoint on it, and the remote peer (e.g. "10.0.0.5:53001"). Compared by
/// value. An object, so a message carries one reference to it: whoever makes messages keeps one per place they come
/// from (an endpoint per peer, the router for itself) instead of one per message.
/// </summary>
public sealed record MessageSource(string Node, string Endpoint, string? Peer)
{
    public override string ToString() => Peer is null ? $"{Node}/{Endpoint}" : $"{Node}/{Endpoint} <- {Peer}";
}
