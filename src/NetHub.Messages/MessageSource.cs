namespace NetHub.Messages;

/// <summary>Where a message came from: the node, the endpoint on it, and the remote peer (e.g. "10.0.0.5:53001").</summary>
public readonly record struct MessageSource(string Node, string Endpoint, string? Peer)
{
    public override string ToString() => Peer is null ? $"{Node}/{Endpoint}" : $"{Node}/{Endpoint} <- {Peer}";
}
