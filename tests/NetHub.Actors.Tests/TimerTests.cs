using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class TimerTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private IActorRef StartTimerActor(string name = "timers") => Sys.ActorOf(Props.Create(() => new TimerActor(TestActor.Ref)), name);

    [Fact]
    public void SingleTimer_FiresOnceAtItsDueTime()
    {
        IActorRef actor = StartTimerActor();
        actor.Tell(new StartSingle("k", "tick", TimeSpan.FromSeconds(2)));
        TestActor.ExpectMsg("started k");

        Clock.Advance(TimeSpan.FromMilliseconds(1999));
        TestActor.ExpectNoMsg();
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        TestActor.ExpectMsg("tick");
        Clock.Advance(TimeSpan.FromSeconds(10));
        TestActor.ExpectNoMsg();
        actor.Tell("active?");
        TestActor.ExpectMsg("active: ");
    }

    [Fact]
    public void PeriodicTimer_FiresEachPeriod()
    {
        IActorRef actor = StartTimerActor();
        actor.Tell(new StartPeriodic("beat", "beat", TimeSpan.FromMilliseconds(500)));
        TestActor.ExpectMsg("started beat");

        for (int i = 0; i < 3; i++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(500));
            TestActor.ExpectMsg("beat");
        }
    }

    [Fact]
    public void StartingSameKey_ReplacesTheTimer()
    {
        IActorRef actor = StartTimerActor();
        actor.Tell(new StartSingle("k", "first", TimeSpan.FromSeconds(1)));
        actor.Tell(new StartSingle("k", "second", TimeSpan.FromSeconds(2)));
        TestActor.ExpectMsg("started k");
        TestActor.ExpectMsg("started k");

        Clock.Advance(TimeSpan.FromSeconds(3));

        TestActor.ExpectMsg("second");
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void CancelledTimer_MessageAlreadyQueued_IsNotDelivered()
    {
        using var gate = new TestGate();
        IActorRef actor = StartTimerActor();
        actor.Tell(new StartSingle("k", "should-not-arrive", TimeSpan.FromSeconds(1)));
        TestActor.ExpectMsg("started k");
        actor.Tell(new BlockThenCancel(gate, "k"));
        TestActor.ExpectMsg("blocked");

        // The timer fires while the actor is busy: its message is queued behind the busy handler,
        // which then cancels the timer. The queued message must be discarded.
        Clock.Advance(TimeSpan.FromSeconds(1));
        gate.Open();

        TestActor.ExpectMsg("cancelled k");
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Cancel_StopsAPendingTimer()
    {
        IActorRef actor = StartTimerActor();
        actor.Tell(new StartSingle("k", "no", TimeSpan.FromSeconds(1)));
        actor.Tell(new CancelKey("k"));
        TestActor.ExpectMsg("started k");
        TestActor.ExpectMsg("cancelled k");

        Clock.Advance(TimeSpan.FromSeconds(2));

        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Timers_AreCancelledOnRestart()
    {
        ExpectErrorLog("restarting it");
        IActorRef actor = StartTimerActor();
        actor.Tell(new StartPeriodic("beat", "beat", TimeSpan.FromSeconds(1)));
        TestActor.ExpectMsg("started beat");

        actor.Tell(new Fail(new InvalidOperationException("restart")));
        actor.Tell("active?");
        TestActor.ExpectMsg("active: ");
        Assert.Equal(0, Clock.ActiveTimerCount);
        Clock.Advance(TimeSpan.FromSeconds(5));
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Timers_AreCancelledOnStop()
    {
        IActorRef actor = StartTimerActor();
        actor.Tell(new StartPeriodic("beat", "beat", TimeSpan.FromSeconds(1)));
        TestActor.ExpectMsg("started beat");
        TestActor.Watch(actor);

        Sys.Stop(actor);

        TestActor.ExpectTerminated(actor);
        Assert.Equal(0, Clock.ActiveTimerCount);
    }

    [Fact]
    public void ActiveTimerKeys_ListsRunningTimers()
    {
        IActorRef actor = StartTimerActor();
        actor.Tell(new StartSingle("a", "x", TimeSpan.FromSeconds(1)));
        actor.Tell(new StartPeriodic("b", "y", TimeSpan.FromSeconds(1)));
        TestActor.ReceiveN(2);
        actor.Tell("active?");
        TestActor.ExpectMsg("active: a,b");
    }

    private sealed record StartSingle(string Key, string Message, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, string Message, TimeSpan Interval);

    private sealed record CancelKey(string Key);

    private sealed record BlockThenCancel(TestGate Gate, string Key);

    private sealed class TimerActor : Actor
    {
        public TimerActor(IActorRef report)
        {
            Receive<StartSingle>(s =>
            {
                Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                report.Tell("started " + s.Key);
            });
            Receive<StartPeriodic>(s =>
            {
                Timers.StartPeriodicTimer(s.Key, s.Message, s.Interval);
                report.Tell("started " + s.Key);
            });
            Receive<CancelKey>(c =>
            {
                Timers.Cancel(c.Key);
                report.Tell("cancelled " + c.Key);
            });
            Receive<BlockThenCancel>(b =>
            {
                report.Tell("blocked");
                b.Gate.Wait();
                Timers.Cancel(b.Key);
                report.Tell("cancelled " + b.Key);
            });
            Receive<Fail>(f => throw f.Cause);
            Receive<string>(s => s == "active?", _ => report.Tell("active: " + string.Join(",", Timers.ActiveTimerKeys.Order())));
            Receive<string>(s => report.Tell(s));
        }
    }
}
