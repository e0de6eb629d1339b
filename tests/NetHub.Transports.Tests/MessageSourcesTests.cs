using NetHub.Messages;

namespace NetHub.Transports.Tests;

public sealed class MessageSourcesTests
{
    [Fact]
    public void Of_APeerSeenLately_GivesTheSameSource_AndEveryPeerItsOwn()
    {
        var sources = new MessageSources("stage", "osc-in");

        MessageSource tablet = sources.Of("10.0.0.5:9000");
        MessageSource none = sources.Of(null);

        Assert.Same(tablet, sources.Of("10.0.0.5:9000"));
        Assert.Same(none, sources.Of(null));
        Assert.Equal(new MessageSource("stage", "osc-in", "10.0.0.5:9000"), tablet);
        Assert.Equal(new MessageSource("stage", "osc-in", null), none);
    }

    [Fact]
    public void Of_ManyPeers_AlwaysNamesTheRightOne()
    {
        var sources = new MessageSources("stage", "osc-in");
        string[] peers = [.. Enumerable.Range(0, 20).Select(i => $"10.0.0.{i}:9000")];

        for (int round = 0; round < 3; round++)
        {
            foreach (string peer in peers)
            {
                Assert.Equal(peer, sources.Of(peer).Peer);
            }
        }
    }

    [Fact]
    public void Of_FromSeveralThreads_AlwaysNamesTheRightPeer()
    {
        var sources = new MessageSources("stage", "osc-in");
        string[] peers = [.. Enumerable.Range(0, 12).Select(i => $"10.0.1.{i}:9000")];

        Parallel.For(0, 4, thread =>
        {
            for (int i = 0; i < 5_000; i++)
            {
                string peer = peers[(i * (thread + 1)) % peers.Length];
                Assert.Equal(peer, sources.Of(peer).Peer);
            }
        });
    }
}
