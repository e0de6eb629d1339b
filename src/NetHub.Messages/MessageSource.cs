namespace NetHub.Messages;

/// <summary>
/// Where a message came from: the node, the endpoint on it, and the remote peer (e.g. "10.0.0.5:53001"). Compared by
/// value. An object, so a message carries one reference to it: whoever makes messages keeps one per place they come
/// from (an endpoint per peer, the router for itself) instead of one per message. The endpoint's name is kept as the
/// interned string, so whoever compares it with names of its own (the router's route sources) finds an equal name by
/// reference.
/// </summary>
public sealed record MessageSource(string Node, string Endpoint, string? Peer)
{
    private readonly string _endpoint = string.Intern(Endpoint ?? throw new ArgumentNullException(nameof(Endpoint)));

    public string Endpoint
    {
        get => _endpoint;
        init => _endpoint = string.Intern(value ?? throw new ArgumentNullException(nameof(value)));
    }

    public override string ToString() => Peer is null ? $"{Node}/{Endpoint}" : $"{Node}/{Endpoint} <- {Peer}";
}
