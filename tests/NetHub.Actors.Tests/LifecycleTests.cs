using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class LifecycleTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void PreStart_RunsBeforeFirstMessage_PostStopAfterStop()
    {
        IActorRef counter = Sys.ActorOf(Props.Create(() => new CounterActor(TestActor.Ref)), "counter");
        counter.Tell(new Echo("hello"), TestActor.Ref);

        TestActor.ExpectMsg<Lifecycle>(l => l.Hook == "PreStart");
        TestActor.ExpectMsg("hello");
        Sys.Stop(counter);
        TestActor.ExpectMsg<Lifecycle>(l => l.Hook == "PostStop");
    }

    [Fact]
    public void Stop_StopsChildrenBeforeTheirParent()
    {
        IActorRef root = Sys.ActorOf(Props.Create(() => new TreeActor(TestActor.Ref, 3, 2)), "tree");
        int created = 1 + 2 + 4 + 8;
        var started = TestActor.ReceiveN(created).Cast<string>().ToList();
        Assert.All(started, s => Assert.StartsWith("started ", s, StringComparison.Ordinal));

        Sys.Stop(root);

        var stopped = TestActor.ReceiveN(created).Cast<string>().Select(s => s["stopped ".Length..]).ToList();
        foreach (string path in stopped)
        {
            int myIndex = stopped.IndexOf(path);
            foreach (string other in stopped.Where(o => o.StartsWith(path + "/", StringComparison.Ordinal)))
            {
                Assert.True(stopped.IndexOf(other) < myIndex, $"{other} must stop before its ancestor {path}");
            }
        }

        Assert.Equal("/user/tree", stopped[^1]);
    }

    [Fact]
    public void PoisonPill_StopsAfterEarlierMessages()
    {
        IActorRef counter = Sys.ActorOf(Props.Create(() => new CounterActor(TestActor.Ref)), "counter");
        TestActor.ExpectMsg<Lifecycle>(l => l.Hook == "PreStart");
        counter.Tell(new Echo(1), TestActor.Ref);
        counter.Tell(new Echo(2), TestActor.Ref);
        counter.Tell(PoisonPill.Instance);

        TestActor.ExpectMsg(1);
        TestActor.ExpectMsg(2);
        TestActor.ExpectMsg<Lifecycle>(l => l.Hook == "PostStop");
    }

    [Fact]
    public void ContextStopSelf_StopsAfterCurrentMessage()
    {
        Logs.ExpectDeadLetters(m => m is Echo);
        IActorRef actor = Sys.ActorOf(Props.Create(() => new SelfStoppingActor(TestActor.Ref)), "self-stopper");
        TestActor.Watch(actor);
        actor.Tell("stop");
        actor.Tell(new Echo("never handled"));

        TestActor.ExpectMsg("handled stop");
        TestActor.ExpectMsg("post-stop");
        TestActor.ExpectTerminated(actor);
    }

    [Fact]
    public void ActorCreatedWithNew_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new CounterActor(TestActor.Ref));
        Assert.Contains("ActorOf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisteringHandlerWhileHandling_FailsTheActor()
    {
        ExpectErrorLog("restarting it");
        IActorRef actor = Sys.ActorOf(Props.Create(() => new LateRegistrationActor()), "late");
        actor.Tell("register");
        AwaitCondition(() => Logs.Entries.Any(e => e.Exception is InvalidOperationException ex && ex.Message.Contains("constructor or inside Become", StringComparison.Ordinal)));
    }

    [Fact]
    public void Become_SwitchesHandlersFromNextMessage()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ToggleActor()), "toggle");
        actor.Tell("ping", TestActor.Ref);
        actor.Tell("flip", TestActor.Ref);
        actor.Tell("ping", TestActor.Ref);

        TestActor.ExpectMsg("off:ping");
        TestActor.ExpectMsg("on:ping");
    }

    [Fact]
    public void Unhandled_IsPublishedAndLogged()
    {
        TestProbe events = CreateTestProbe();
        Sys.EventStream.Subscribe<UnhandledMessage>(events.Ref);
        IActorRef counter = Sys.ActorOf(Props.Create(() => new CounterActor(TestActor.Ref)), "counter");

        counter.Tell(42, TestActor.Ref);

        UnhandledMessage unhandled = events.ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Same(counter, unhandled.Recipient);
        Assert.Equal(TestActor.Ref, unhandled.Sender);
        AwaitCondition(() => Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "/user/counter has no handler for Int32"));
        Assert.Equal(1, Sys.UnhandledCount);
    }

    [Fact]
    public void PostStopThrowing_IsLoggedAndTheActorStillStops()
    {
        ExpectErrorLog("PostStop threw");
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ThrowingPostStopActor()), "bad-post-stop");
        TestActor.Watch(actor);
        Sys.Stop(actor);
        TestActor.ExpectTerminated(actor);
    }

    [Fact]
    public void GracefulStop_CompletesTrueOnceStopped()
    {
        IActorRef counter = Sys.ActorOf(Props.Create(() => new CounterActor(TestActor.Ref)), "counter");
        TestActor.ExpectMsg<Lifecycle>(l => l.Hook == "PreStart");

        Assert.True(AwaitResult(counter.GracefulStopAsync(TimeSpan.FromSeconds(5))));

        Assert.True(counter.IsTerminated());
        TestActor.ExpectMsg<Lifecycle>(l => l.Hook == "PostStop");
    }

    [Fact]
    public void GracefulStop_OfAStuckActor_CompletesFalseAtTheTimeout()
    {
        using var gate = new TestGate();
        IActorRef stuck = Sys.ActorOf(Props.Create(() => new MailboxTests.GatedActor(gate, TestActor.Ref)), "stuck");
        stuck.Tell("block");
        TestActor.ExpectMsg("blocked");

        Task<bool> stop = stuck.GracefulStopAsync(TimeSpan.FromSeconds(2));
        Assert.False(stop.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.False(AwaitResult(stop));
        gate.Open();
        TestActor.ExpectMsg("post-stop");
    }

    [Fact]
    public void GracefulStop_OfADeadActor_CompletesTrue()
    {
        IActorRef counter = Sys.ActorOf(Props.Create(() => new CounterActor(CreateTestProbe().Ref)), "counter");
        TestActor.Watch(counter);
        Sys.Stop(counter);
        TestActor.ExpectTerminated(counter);

        Assert.True(AwaitResult(counter.GracefulStopAsync(TimeSpan.FromSeconds(5))));
    }

    private sealed class TreeActor : Actor
    {
        private readonly IActorRef _report;

        public TreeActor(IActorRef report, int depth, int width)
        {
            _report = report;
            if (depth > 0)
            {
                for (int i = 0; i < width; i++)
                {
                    Context.ActorOf(Props.Create(() => new TreeActor(report, depth - 1, width)), $"c{i}");
                }
            }
        }

        protected internal override void PreStart() => _report.Tell($"started {Self.Path.ToStringWithoutAddress()}");

        protected internal override void PostStop() => _report.Tell($"stopped {Self.Path.ToStringWithoutAddress()}");
    }

    private sealed class SelfStoppingActor : Actor
    {
        private readonly IActorRef _report;

        public SelfStoppingActor(IActorRef report)
        {
            _report = report;
            Receive<string>(s =>
            {
                Context.Stop(Self);
                report.Tell("handled " + s);
            });
            Receive<Echo>(e => report.Tell(e.Payload));
        }

        protected internal override void PostStop() => _report.Tell("post-stop");
    }

    private sealed class LateRegistrationActor : Actor
    {
        public LateRegistrationActor() => Receive<string>(_ => Receive<int>(_ => { }));
    }

    private sealed class ToggleActor : Actor
    {
        public ToggleActor() => Off();

        private void Off()
        {
            Receive<string>(s => s == "flip", _ => Become(On));
            Receive<string>(s => Sender.Tell("off:" + s));
        }

        private void On() => Receive<string>(s => Sender.Tell("on:" + s));
    }

    private sealed class ThrowingPostStopActor : Actor
    {
        public ThrowingPostStopActor() => ReceiveAny(_ => { });

        protected internal override void PostStop() => throw new InvalidOperationException("cleanup failed");
    }
}
