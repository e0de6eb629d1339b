using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class EventStreamTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private abstract record ShowEvent;

    private sealed record CueFired(int Cue) : ShowEvent;

    private sealed record PeerSeen(string Peer) : ShowEvent;

    [Fact]
    public void Subscriber_ReceivesEventsAssignableToItsChannel()
    {
        TestProbe all = CreateTestProbe();
        TestProbe cues = CreateTestProbe();
        Sys.EventStream.Subscribe<ShowEvent>(all.Ref);
        Sys.EventStream.Subscribe<CueFired>(cues.Ref);

        Sys.EventStream.Publish(new CueFired(7));
        Sys.EventStream.Publish(new PeerSeen("node-b"));

        all.ExpectMsg(new CueFired(7));
        all.ExpectMsg(new PeerSeen("node-b"));
        cues.ExpectMsg(new CueFired(7));
        cues.ExpectNoMsg();
    }

    [Fact]
    public void Unsubscribe_StopsDelivery()
    {
        Sys.EventStream.Subscribe<CueFired>(TestActor.Ref);
        Assert.True(Sys.EventStream.Unsubscribe(TestActor.Ref, typeof(CueFired)));
        Assert.False(Sys.EventStream.Unsubscribe(TestActor.Ref, typeof(CueFired)));
        Sys.EventStream.Publish(new CueFired(1));
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void CallbackSubscriber_RunsAndCanBeDisposed()
    {
        var seen = new List<int>();
        IDisposable sub = Sys.EventStream.Subscribe<CueFired>(c => seen.Add(c.Cue));
        Sys.EventStream.Publish(new CueFired(1));
        sub.Dispose();
        Sys.EventStream.Publish(new CueFired(2));
        Assert.Equal([1], seen);
    }

    [Fact]
    public void ThrowingCallback_DoesNotStopOtherSubscribers()
    {
        ExpectErrorLog("subscriber for CueFired threw");
        using IDisposable bad = Sys.EventStream.Subscribe<CueFired>(_ => throw new InvalidOperationException("bad subscriber"));
        Sys.EventStream.Subscribe<CueFired>(TestActor.Ref);
        Sys.EventStream.Publish(new CueFired(3));
        TestActor.ExpectMsg(new CueFired(3));
    }

    [Fact]
    public void DeadSubscriber_IsDroppedWithoutDeadLetters()
    {
        TestProbe probe = CreateTestProbe();
        IActorRef sub = Sys.ActorOf(Props.Create(() => new ForwardActor(probe.Ref)), "sub");
        Sys.EventStream.Subscribe<CueFired>(sub);
        TestActor.Watch(sub);
        Sys.Stop(sub);
        TestActor.ExpectTerminated(sub);

        Sys.EventStream.Publish(new CueFired(4));

        Assert.Equal(0, Sys.DeadLetterCount);
        Assert.False(Sys.EventStream.Unsubscribe(sub));
    }
}
