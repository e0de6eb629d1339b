using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class DispatcherTests(ITestOutputHelper output) : ActorTestKit(output, config: """
    nethub.actors.dispatchers.single {
      type = dedicated
      threads = 1
      throughput = 5
    }
    """)
{
    [Fact]
    public void DedicatedDispatcher_RunsActorsOnItsOwnThreads()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ThreadNameActor()).WithDispatcher("infrastructure"), "heartbeat");
        actor.Tell("which thread?", TestActor.Ref);
        Assert.Equal($"{Sys.Name}-infrastructure-0", TestActor.ExpectMsg<string>());
    }

    [Fact]
    public void ThroughputQuantum_KeepsABusyActorFromStarvingOthers()
    {
        using var gate = new TestGate();
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        IActorRef blocker = Sys.ActorOf(Props.Create(() => new BlockerActor(gate, TestActor.Ref)).WithDispatcher("single"), "blocker");
        blocker.Tell("block");
        TestActor.ExpectMsg("blocked");

        // While the only thread is held, queue a flood for "busy" and one message for "quiet".
        IActorRef busy = Sys.ActorOf(Props.Create(() => new RecordActor(order, "busy")).WithDispatcher("single"), "busy");
        IActorRef quiet = Sys.ActorOf(Props.Create(() => new RecordActor(order, "quiet")).WithDispatcher("single"), "quiet");
        for (int i = 0; i < 100; i++)
        {
            busy.Tell(i);
        }

        quiet.Tell(0);
        gate.Open();
        AwaitCondition(() => order.Count == 101);

        int quietAt = order.ToList().IndexOf("quiet");
        Assert.InRange(quietAt, 0, 10);
    }

    [Fact]
    public void RunCompleted_FollowsEachRunOfMessages()
    {
        using var gate = new TestGate();
        IActorRef blocker = Sys.ActorOf(Props.Create(() => new BlockerActor(gate, TestActor.Ref)).WithDispatcher("single"), "blocker");
        blocker.Tell("block");
        TestActor.ExpectMsg("blocked");

        // Twelve messages queued behind the held thread: runs of the quantum (5), then the rest.
        IActorRef batcher = Sys.ActorOf(Props.Create(() => new BatchingActor(TestActor.Ref)).WithDispatcher("single"), "batcher");
        for (int i = 0; i < 12; i++)
        {
            batcher.Tell(i);
        }

        gate.Open();
        Assert.Equal([0, 1, 2, 3, 4], TestActor.ExpectMsg<int[]>());
        Assert.Equal([5, 6, 7, 8, 9], TestActor.ExpectMsg<int[]>());
        Assert.Equal([10, 11], TestActor.ExpectMsg<int[]>());

        // A message on its own is a run of one.
        batcher.Tell(12);
        Assert.Equal([12], TestActor.ExpectMsg<int[]>());
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void RunCompleted_WaitsForAPendingAsyncHandler()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef actor = Sys.ActorOf(Props.Create(() => new AsyncBatchingActor(TestActor.Ref, release.Task)), "async-batcher");
        actor.Tell("before");
        actor.Tell("await");
        actor.Tell("after");

        // The run stops at the awaiting handler: nothing is passed on while it is pending.
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        release.SetResult();

        // Settling the handler completes that run; "after" is handled in the same or the next run.
        var seen = new List<string>();
        while (seen.Count < 3)
        {
            seen.AddRange(TestActor.ExpectMsg<string[]>());
        }

        Assert.Equal(["before", "await", "after"], seen);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void RunCompleted_ThrowingIsAFailureOfTheActor()
    {
        Logs.ExpectErrors(e => e.EventId.Id == 1010 && e.Message.Contains("the end of a run (RunCompleted", StringComparison.Ordinal));
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ThrowingBatchActor(TestActor.Ref)), "throwing-batcher");
        actor.Tell("boom");
        TestActor.ExpectMsg("restarted");
        actor.Tell("fine");
        TestActor.ExpectMsg("flushed fine");
    }

    private sealed class ThreadNameActor : Actor
    {
        public ThreadNameActor() => Receive<string>(_ => Sender.Tell(Thread.CurrentThread.Name ?? "pool"));
    }

    private sealed class BlockerActor : Actor
    {
        public BlockerActor(TestGate gate, IActorRef report) => Receive<string>(_ =>
        {
            report.Tell("blocked");
            gate.Wait();
        });
    }

    private sealed class RecordActor : Actor
    {
        public RecordActor(System.Collections.Concurrent.ConcurrentQueue<string> order, string name) => Receive<int>(_ => order.Enqueue(name));
    }

    private sealed class BatchingActor : Actor
    {
        private readonly IActorRef _report;
        private readonly List<int> _buffer = [];

        public BatchingActor(IActorRef report)
        {
            _report = report;
            Receive<int>(_buffer.Add);
        }

        protected internal override void RunCompleted()
        {
            _report.Tell(_buffer.ToArray());
            _buffer.Clear();
        }
    }

    private sealed class AsyncBatchingActor : Actor
    {
        private readonly IActorRef _report;
        private readonly List<string> _buffer = [];

        public AsyncBatchingActor(IActorRef report, Task release)
        {
            _report = report;
            ReceiveAsync<string>(async text =>
            {
                if (text == "await")
                {
                    await release.ConfigureAwait(false);
                }

                _buffer.Add(text);
            });
        }

        protected internal override void RunCompleted()
        {
            if (_buffer.Count > 0)
            {
                _report.Tell(_buffer.ToArray());
                _buffer.Clear();
            }
        }
    }

    private sealed class ThrowingBatchActor : Actor
    {
        private readonly IActorRef _report;
        private string? _last;

        public ThrowingBatchActor(IActorRef report)
        {
            _report = report;
            Receive<string>(text => _last = text);
        }

        protected internal override void PostRestart(Exception reason) => _report.Tell("restarted");

        protected internal override void RunCompleted()
        {
            if (_last == "boom")
            {
                throw new InvalidOperationException("flush failed");
            }

            _report.Tell($"flushed {_last}");
        }
    }
}
