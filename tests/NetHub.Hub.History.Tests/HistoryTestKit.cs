using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Hub.History.Tests;

/// <summary>Starts /history on the manual clock and talks to it: every helper that moves time first waits until the actor has handled what was sent.</summary>
public abstract class HistoryTestKit(ITestOutputHelper output) : ActorTestKit(output)
{
    protected const string Tablet = "tablet";
    protected const string PeerA = "10.0.0.7:9000";
    protected const string PeerB = "10.0.0.8:9000";
    protected const string PeerC = "10.0.0.9:53000";

    protected static HistorySettings Settings(
        int size = 100,
        long maxBytes = 1_000_000,
        int maxAddresses = 100,
        int maxPeers = 100,
        int maxErrorReasons = 50) =>
        HistorySettings.Default with { Size = size, MaxBytes = maxBytes, MaxAddresses = maxAddresses, MaxPeers = maxPeers, MaxErrorReasons = maxErrorReasons };

    protected IActorRef History { get; private set; } = null!;

    protected DateTimeOffset Start { get; private set; }

    protected void StartHistory(HistorySettings? settings = null)
    {
        HistorySettings chosen = settings ?? Settings();
        History = Sys.ActorOf(Props.Create(() => new HistoryActor(chosen)), "history");
        Sync();
        Start = Clock.GetUtcNow();
    }

    protected static HubMessage Osc(string address, params OscArgument[] arguments) =>
        HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("stage", Tablet, null), address, new OscPayload(arguments));

    protected static HubMessage Text(string address, string text) =>
        HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("stage", Tablet, null), address, new TextPayload(text));

    protected void In(string endpoint, string? peer, string address, HubMessage? message = null) =>
        History.Tell(new Traffic(message ?? Osc(address, OscArgument.Float32(0.5f)), TrafficDirection.In, endpoint, peer), TestActor);

    protected void Out(string endpoint, string? peer, string address, HubMessage? message = null) =>
        History.Tell(new Traffic(message ?? Osc(address, OscArgument.Float32(0.5f)), TrafficDirection.Out, endpoint, peer), TestActor);

    /// <summary>A round trip: afterwards the actor has handled everything sent before, and what it published is queued.</summary>
    protected void Sync()
    {
        History.Tell(GetPeers.Instance, TestActor);
        TestActor.ExpectMsg<PeerList>();
    }

    protected void Step(TimeSpan by)
    {
        Sync();
        Clock.Advance(by);
    }

    protected HistoryPage Query(QueryHistory query)
    {
        History.Tell(query, TestActor);
        return TestActor.ExpectMsg<HistoryPage>();
    }

    protected HistoryQueryFailed QueryFails(object query)
    {
        History.Tell(query, TestActor);
        return TestActor.ExpectMsg<HistoryQueryFailed>();
    }

    protected TrafficStatsReport Stats(int top = 10)
    {
        History.Tell(new GetTrafficStats(top), TestActor);
        return TestActor.ExpectMsg<TrafficStatsReport>();
    }

    protected IReadOnlyList<PeerStatus> Peers()
    {
        History.Tell(GetPeers.Instance, TestActor);
        return TestActor.ExpectMsg<PeerList>().Peers;
    }

    protected static string[] Addresses(HistoryPage page) => [.. page.Entries.Select(e => e.Message.Address)];

    protected static long[] Sequences(HistoryPage page) => [.. page.Entries.Select(e => e.Sequence)];
}
