using System.Net;
using System.Net.Sockets;

namespace NetHub.Transports.Tests;

public sealed class PeerTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 19, 0, 0, TimeSpan.Zero);

    private static SocketAddress Address(string text) => IPEndPoint.Parse(text).Serialize();

    [Fact]
    public void Touch_TracksFirstAndLastSeenPacketsAndBytes()
    {
        var table = new PeerTable(10, TimeSpan.FromSeconds(30));
        table.Touch(Address("10.0.0.5:53001"), 40, T0);
        table.Touch(Address("10.0.0.5:53001"), 60, T0.AddSeconds(5));

        PeerInfo peer = Assert.Single(table.Snapshot(T0.AddSeconds(6)));
        Assert.Equal("10.0.0.5:53001", peer.Address);
        Assert.Equal(T0, peer.FirstSeen);
        Assert.Equal(T0.AddSeconds(5), peer.LastSeen);
        Assert.Equal(2, peer.Packets);
        Assert.Equal(100, peer.Bytes);
        Assert.True(peer.Active);
    }

    [Fact]
    public void Peer_SilentLongerThanTheTimeout_IsInactive()
    {
        var table = new PeerTable(10, TimeSpan.FromSeconds(30));
        table.Touch(Address("10.0.0.5:1"), 4, T0);
        Assert.False(Assert.Single(table.Snapshot(T0.AddSeconds(31))).Active);
    }

    [Fact]
    public void Table_IsBounded_ForgettingTheLongestSilent()
    {
        var table = new PeerTable(3, TimeSpan.FromSeconds(30));
        for (int port = 1; port <= 5; port++)
        {
            table.Touch(Address($"10.0.0.5:{port}"), 4, T0.AddSeconds(port));
        }

        Assert.Equal(3, table.Count);
        Assert.Equal(["10.0.0.5:5", "10.0.0.5:4", "10.0.0.5:3"], table.Snapshot(T0.AddSeconds(6)).Select(p => p.Address));
    }

    [Fact]
    public void KnownPeer_CostsNoAllocation()
    {
        var table = new PeerTable(10, TimeSpan.FromSeconds(30));
        SocketAddress address = Address("[::ffff:10.0.0.5]:53001");
        table.Touch(address, 4, T0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            table.Touch(address, 4, T0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal("10.0.0.5:53001", Assert.Single(table.Snapshot(T0)).Address);
    }

    [Fact]
    public void ConnectedPeers_AreKeyedByAddress()
    {
        var table = new PeerTable(10, TimeSpan.FromSeconds(30));
        table.Touch(IPEndPoint.Parse("10.0.0.5:3032"), 10, T0);
        table.Touch(IPEndPoint.Parse("10.0.0.5:3032"), 10, T0);
        Assert.Equal(2, Assert.Single(table.Snapshot(T0)).Packets);
    }
}
