namespace NetHub.Hub.History;

/// <summary>Asks /user/hub/history for every tracked peer with its state; answered with <see cref="PeerList"/>.</summary>
public sealed record GetPeers
{
    public static GetPeers Instance { get; } = new();

    private GetPeers()
    {
    }
}
