using Microsoft.Extensions.Logging;
using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class ShutdownTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void Terminate_StopsADeepTreeBottomUp()
    {
        TestProbe report = CreateTestProbe();
        IActorRef chain = Sys.ActorOf(Props.Create(() => new ChainActor(report.Ref, 50)), "chain");
        report.ReceiveN(51);

        Task done = Sys.Terminate();

        Assert.True(CompletesWithin(done, TestTime.DefaultTimeout), "a 51-deep tree stops without help from the clock");
        var stopped = report.ReceiveN(51).Cast<int>().ToList();
        Assert.Equal(Enumerable.Range(0, 51), stopped);
        Assert.True(chain.IsTerminated());
    }

    [Fact]
    public void Terminate_StopsUserActorsBeforeSystemActors()
    {
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Sys.ActorOf(Props.Create(() => new RecordingActor(order, "user-actor")), "app");
        Sys.SystemActorOf(Props.Create(() => new RecordingActor(order, "system-actor")), "infra");
        AwaitCondition(() => order.Count == 2);

        Assert.True(CompletesWithin(Sys.Terminate(), TestTime.DefaultTimeout));

        Assert.Equal(["user-actor", "system-actor"], order.Skip(2));
    }

    [Fact]
    public void Terminate_WithABlockedActor_CompletesAtTheShutdownTimeoutAndNamesIt()
    {
        using var gate = new TestGate();
        IActorRef stuck = Sys.ActorOf(Props.Create(() => new MailboxTests.GatedActor(gate, TestActor.Ref)), "stuck");
        stuck.Tell("block");
        TestActor.ExpectMsg("blocked");
        Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)), "healthy");

        Task done = Sys.Terminate();
        Assert.False(CompletesWithin(done, Dilated(TimeSpan.FromMilliseconds(100))), "must wait for the stuck actor until the deadline");
        Clock.Advance(Sys.Settings.ShutdownTimeout);

        Assert.True(CompletesWithin(done, TestTime.DefaultTimeout));
        LogEntry abandoned = Assert.Single(Logs.Entries, e => e.EventId.Id == 1002);
        Assert.Equal(LogLevel.Warning, abandoned.Level);
        Assert.Contains("/user/stuck", abandoned.Message, StringComparison.Ordinal);
        Assert.Contains("String", abandoned.Message, StringComparison.Ordinal);
        gate.Open();
    }

    [Fact]
    public void Terminate_WithAnAsyncHandlerThatNeverEnds_IsBounded()
    {
        var never = new TaskCompletionSource();
        IActorRef actor = Sys.ActorOf(Props.Create(() => new AwaitingActor(never.Task, TestActor.Ref)), "awaiting");
        actor.Tell("wait");
        TestActor.ExpectMsg("awaiting");

        Task done = Sys.Terminate();
        Clock.Advance(Sys.Settings.ShutdownTimeout);

        Assert.True(CompletesWithin(done, TestTime.DefaultTimeout));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 1002 && e.Message.Contains("/user/awaiting", StringComparison.Ordinal));
    }

    [Fact]
    public void Terminate_CancelsStoppingTokenOfAwaitingHandler_WhichThenEndsPromptly()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new CancellableActor(TestActor.Ref)), "cancellable");
        actor.Tell("wait");
        TestActor.ExpectMsg("awaiting");

        Assert.True(CompletesWithin(Sys.Terminate(), TestTime.DefaultTimeout));
        TestActor.ExpectMsg("cancelled");
        Assert.DoesNotContain(Logs.Entries, e => e.EventId.Id == 1002);
    }

    [Fact]
    public void Terminate_IsIdempotent()
    {
        Task first = Sys.Terminate();
        Task second = Sys.Terminate();
        Assert.Same(first, second);
        Assert.True(CompletesWithin(first, TestTime.DefaultTimeout));
    }

    private sealed class ChainActor : Actor
    {
        private readonly IActorRef _report;
        private readonly int _depth;

        public ChainActor(IActorRef report, int depth)
        {
            _report = report;
            _depth = depth;
            if (depth > 0)
            {
                Context.ActorOf(Props.Create(() => new ChainActor(report, depth - 1)), "next");
            }
        }

        protected internal override void PreStart() => _report.Tell($"up {_depth}");

        protected internal override void PostStop() => _report.Tell(_depth);
    }

    private sealed class RecordingActor : Actor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _order;
        private readonly string _name;

        public RecordingActor(System.Collections.Concurrent.ConcurrentQueue<string> order, string name)
        {
            _order = order;
            _name = name;
        }

        protected internal override void PreStart() => _order.Enqueue("started");

        protected internal override void PostStop() => _order.Enqueue(_name);
    }

    private sealed class AwaitingActor : Actor
    {
        public AwaitingActor(Task never, IActorRef report) => ReceiveAsync<string>(async _ =>
        {
            report.Tell("awaiting");
            await never;
        });
    }

    private sealed class CancellableActor : Actor
    {
        public CancellableActor(IActorRef report) => ReceiveAsync<string>(async _ =>
        {
            report.Tell("awaiting");
            try
            {
                await Task.Delay(Timeout.Infinite, StoppingToken);
            }
            catch (OperationCanceledException)
            {
                report.Tell("cancelled");
            }
        });
    }
}
