using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class SupervisionTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private IActorRef Supervisor(SupervisorStrategy strategy, string name = "parent") =>
        Sys.ActorOf(Props.Create(() => new SupervisorActor(strategy)), name);

    private IActorRef Child(IActorRef parent, string name, TestProbe reports)
    {
        TestActor.Send(parent, new CreateChild(Props.Create(() => new CounterActor(reports.Ref)), name));
        IActorRef child = TestActor.ExpectMsg<IActorRef>();
        reports.ExpectMsg<Lifecycle>(l => l.Hook == "PreStart" && l.Name == name);
        return child;
    }

    [Fact]
    public void Restart_ResetsActorState()
    {
        ExpectErrorLog("restarting it");
        TestProbe reports = CreateTestProbe();
        IActorRef child = Child(Supervisor(SupervisorStrategy.Default), "counter", reports);
        child.Tell(Increment.Instance);
        child.Tell(Increment.Instance);
        TestActor.Send(child, GetCount.Instance);
        int firstInstance = TestActor.ExpectMsg<Count>(c => c.Value == 2).InstanceId;

        child.Tell(new Fail(new InvalidOperationException("boom")));
        reports.ExpectMsg<Lifecycle>(l => l.Hook == "PreRestart" && l.InstanceId == firstInstance);
        reports.ExpectMsg<Lifecycle>(l => l.Hook == "PostStop" && l.InstanceId == firstInstance);
        reports.ExpectMsg<Lifecycle>(l => l.Hook == "PostRestart" && l.InstanceId != firstInstance);
        reports.ExpectMsg<Lifecycle>(l => l.Hook == "PreStart" && l.InstanceId != firstInstance);

        TestActor.Send(child, GetCount.Instance);
        Count after = TestActor.ExpectMsg<Count>();
        Assert.Equal(0, after.Value);
        Assert.NotEqual(firstInstance, after.InstanceId);
    }

    [Fact]
    public void Resume_KeepsActorStateAndDropsFailingMessage()
    {
        ExpectErrorLog("resuming it", Microsoft.Extensions.Logging.LogLevel.Warning);
        var strategy = new OneForOneStrategy(Decider.From(Directive.Resume));
        TestProbe reports = CreateTestProbe();
        IActorRef child = Child(Supervisor(strategy), "counter", reports);
        child.Tell(Increment.Instance);
        child.Tell(new Fail(new ArgumentException("bad fader value")));
        child.Tell(Increment.Instance);
        TestActor.Send(child, GetCount.Instance);

        Count count = TestActor.ExpectMsg<Count>();
        Assert.Equal(2, count.Value);
        reports.ExpectNoMsg();
        Assert.True(Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "resuming it"));
    }

    [Fact]
    public void Stop_TerminatesChildAndWatchersSeeIt()
    {
        ExpectErrorLog("stopping it");
        var strategy = new OneForOneStrategy(Decider.From(Directive.Stop));
        TestProbe reports = CreateTestProbe();
        IActorRef child = Child(Supervisor(strategy), "counter", reports);
        TestActor.Watch(child);

        child.Tell(new Fail(new InvalidOperationException("device unplugged")));

        reports.ExpectMsg<Lifecycle>(l => l.Hook == "PostStop");
        TestActor.ExpectTerminated(child);
        Assert.True(child.IsTerminated());
        Assert.Contains(Logs.Entries, e => e.Message.Contains("/user/parent/counter", StringComparison.Ordinal) && e.Message.Contains("stopping it", StringComparison.Ordinal));
    }

    [Fact]
    public void Escalate_ReachesTheParentsSupervisor()
    {
        ExpectErrorLog("stopping it");
        // grandparent stops whatever escalates to it; parent escalates everything.
        IActorRef grandparent = Supervisor(new OneForOneStrategy(Decider.From(Directive.Stop)), "grandparent");
        TestActor.Send(grandparent, new CreateChild(Props.Create(() => new SupervisorActor(new OneForOneStrategy(Decider.From(Directive.Escalate)))), "parent"));
        IActorRef parent = TestActor.ExpectMsg<IActorRef>();
        TestProbe reports = CreateTestProbe();
        IActorRef child = Child(parent, "counter", reports);
        TestActor.Watch(parent);
        TestActor.Watch(child);

        child.Tell(new Fail(new InvalidOperationException("escalate me")));

        // The grandparent stopped the parent, which stopped its child first.
        var terminated = TestActor.ReceiveN(2).Cast<Terminated>().Select(t => t.ActorRef.Path.Name).ToList();
        Assert.Equal(["counter", "parent"], terminated);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("/user/grandparent/parent failed", StringComparison.Ordinal)
            && e.Exception is InvalidOperationException { Message: "escalate me" });
    }

    [Fact]
    public void AllForOne_RestartsSiblings()
    {
        ExpectErrorLog("restarting it");
        TestProbe reports = CreateTestProbe();
        IActorRef parent = Supervisor(new AllForOneStrategy(Decider.Default));
        IActorRef first = Child(parent, "first", reports);
        IActorRef second = Child(parent, "second", reports);
        second.Tell(Increment.Instance);
        TestActor.Send(second, GetCount.Instance);
        Assert.Equal(1, TestActor.ExpectMsg<Count>().Value);

        first.Tell(new Fail(new InvalidOperationException("one fails, all restart")));

        var restarted = new HashSet<string>();
        for (int i = 0; i < 2; i++)
        {
            restarted.Add(reports.FishForMessage<Lifecycle>(l => l.Hook == "PostRestart").Name);
        }

        Assert.Equal(["first", "second"], restarted.Order());
        TestActor.Send(second, GetCount.Instance);
        Assert.Equal(0, TestActor.ExpectMsg<Count>().Value);
    }

    [Fact]
    public void OneForOne_LeavesSiblingsAlone()
    {
        ExpectErrorLog("restarting it");
        TestProbe reports = CreateTestProbe();
        IActorRef parent = Supervisor(SupervisorStrategy.Default);
        IActorRef first = Child(parent, "first", reports);
        IActorRef second = Child(parent, "second", reports);
        second.Tell(Increment.Instance);
        TestActor.Send(second, GetCount.Instance);
        Assert.Equal(1, TestActor.ExpectMsg<Count>().Value);

        first.Tell(new Fail(new InvalidOperationException("only me")));

        reports.FishForMessage<Lifecycle>(l => l.Hook == "PostRestart" && l.Name == "first");
        TestActor.Send(second, GetCount.Instance);
        Assert.Equal(1, TestActor.ExpectMsg<Count>().Value);
    }

    [Fact]
    public void RestartBudget_WhenExhaustedWithinWindow_StopsChild()
    {
        ExpectErrorLog("failed");
        var strategy = new OneForOneStrategy(Decider.Default, maxRetries: 2, within: TimeSpan.FromMinutes(1));
        TestProbe reports = CreateTestProbe();
        IActorRef child = Child(Supervisor(strategy), "flaky", reports);
        TestActor.Watch(child);

        for (int i = 0; i < 2; i++)
        {
            child.Tell(new Fail(new InvalidOperationException($"failure {i}")));
            reports.FishForMessage<Lifecycle>(l => l.Hook == "PostRestart");
        }

        child.Tell(new Fail(new InvalidOperationException("third failure")));

        TestActor.ExpectTerminated(child);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("restart budget exhausted", StringComparison.Ordinal));
    }

    [Fact]
    public void RestartBudget_WindowPassed_AllowsRestartsAgain()
    {
        ExpectErrorLog("restarting it");
        var strategy = new OneForOneStrategy(Decider.Default, maxRetries: 1, within: TimeSpan.FromSeconds(10));
        TestProbe reports = CreateTestProbe();
        IActorRef child = Child(Supervisor(strategy), "flaky", reports);

        child.Tell(new Fail(new InvalidOperationException("first")));
        reports.FishForMessage<Lifecycle>(l => l.Hook == "PostRestart");
        Clock.Advance(TimeSpan.FromSeconds(11));
        child.Tell(new Fail(new InvalidOperationException("second, in a new window")));
        reports.FishForMessage<Lifecycle>(l => l.Hook == "PostRestart");

        TestActor.Send(child, GetCount.Instance);
        TestActor.ExpectMsg<Count>();
    }

    [Fact]
    public void DefaultDecider_KillStopsTheActor()
    {
        ExpectErrorLog("stopping it");
        TestProbe reports = CreateTestProbe();
        IActorRef child = Child(Supervisor(SupervisorStrategy.Default), "victim", reports);
        TestActor.Watch(child);

        child.Tell(Kill.Instance);

        TestActor.ExpectTerminated(child);
        Assert.Contains(Logs.Entries, e => e.Exception is ActorKilledException);
    }

    [Fact]
    public void DefaultDecider_ConstructorFailureStopsTheActor()
    {
        ExpectErrorLog("stopping it");
        IActorRef parent = Supervisor(SupervisorStrategy.Default);
        TestActor.Send(parent, new CreateChild(Props.Create<ThrowingConstructorActor>(), "broken"));
        IActorRef child = TestActor.ExpectMsg<IActorRef>();
        TestActor.Watch(child);

        TestActor.ExpectTerminated(child);
        LogEntry entry = Assert.Single(Logs.Entries, e => e.Exception is ActorInitializationException);
        Assert.Contains("/user/parent/broken", entry.Exception!.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(entry.Exception.InnerException);
    }

    [Fact]
    public void Decider_MatchesFirstAssignableRule()
    {
        Decider decider = Decider.From(
            Directive.Escalate,
            (typeof(ArgumentNullException), Directive.Stop),
            (typeof(ArgumentException), Directive.Resume));

        Assert.Equal(Directive.Stop, decider.Decide(new ArgumentNullException("x")));
        Assert.Equal(Directive.Resume, decider.Decide(new ArgumentOutOfRangeException("x")));
        Assert.Equal(Directive.Escalate, decider.Decide(new InvalidOperationException()));
        Assert.Equal(Directive.Resume, decider.Decide(new ActorInitializationException("wrapped", new ArgumentException("inner"))));
    }

    [Fact]
    public void DefaultDecider_IsAkkas()
    {
        Assert.Equal(Directive.Stop, Decider.Default.Decide(new ActorInitializationException()));
        Assert.Equal(Directive.Stop, Decider.Default.Decide(new ActorKilledException()));
        Assert.Equal(Directive.Stop, Decider.Default.Decide(new DeathPactException()));
        Assert.Equal(Directive.Restart, Decider.Default.Decide(new InvalidOperationException()));
    }

    private sealed class ThrowingConstructorActor : Actor
    {
        public ThrowingConstructorActor() => throw new FormatException("bad port in config");
    }
}
