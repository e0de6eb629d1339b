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
}
