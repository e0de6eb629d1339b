using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class AsyncHandlerTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void AsyncHandler_HoldsTheActorUntilItCompletes()
    {
        var release = new TaskCompletionSource();
        IActorRef actor = Sys.ActorOf(Props.Create(() => new AsyncActor(TestActor.Ref, release.Task)), "async");
        actor.Tell("slow");
        actor.Tell("fast");
        TestActor.ExpectMsg("slow started");
        TestActor.ExpectNoMsg();

        release.SetResult();

        TestActor.ExpectMsg("slow done");
        TestActor.ExpectMsg("fast started");
        TestActor.ExpectMsg("fast done");
    }

    [Fact]
    public void AsyncHandler_StateIsNeverTouchedConcurrently()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ConcurrencyCheckActor()), "check");
        for (int i = 0; i < 200; i++)
        {
            actor.Tell(i);
        }

        actor.Tell("report", TestActor.Ref);
        Assert.Equal("max concurrency 1, handled 200", TestActor.ExpectMsg<string>());
    }

    [Fact]
    public void AsyncHandler_SenderStaysValidAcrossAwait()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ReplyAfterAwaitActor()), "reply");
        TestProbe a = CreateTestProbe();
        TestProbe b = CreateTestProbe();
        a.Send(actor, "from a");
        b.Send(actor, "from b");
        a.ExpectMsg("reply to from a");
        b.ExpectMsg("reply to from b");
    }

    [Fact]
    public void AsyncHandler_Failure_IsSupervised()
    {
        ExpectErrorLog("restarting it");
        IActorRef actor = Sys.ActorOf(Props.Create(() => new FailingAsyncActor(TestActor.Ref)), "failing");
        actor.Tell("fail");
        TestActor.ExpectMsg("restarted");
        Assert.Contains(Logs.Entries, e => e.Exception is IOException { Message: "serial port gone" });
    }

    [Fact]
    public void Stop_DuringAwait_WaitsForTheHandlerThenStops()
    {
        var release = new TaskCompletionSource();
        IActorRef actor = Sys.ActorOf(Props.Create(() => new AsyncActor(TestActor.Ref, release.Task)), "async");
        TestActor.Watch(actor);
        actor.Tell("slow");
        TestActor.ExpectMsg("slow started");

        Sys.Stop(actor);
        TestActor.ExpectNoMsg();
        release.SetResult();

        TestActor.ExpectMsg("slow done");
        TestActor.ExpectMsg("post-stop");
        TestActor.ExpectTerminated(actor);
    }

    private sealed class AsyncActor : Actor
    {
        private readonly IActorRef _report;

        public AsyncActor(IActorRef report, Task gate)
        {
            _report = report;
            ReceiveAsync<string>(s => s == "slow", async s =>
            {
                report.Tell($"{s} started");
                await gate.ConfigureAwait(false);
                report.Tell($"{s} done");
            });
            ReceiveAsync<string>(async s =>
            {
                report.Tell($"{s} started");
                await Task.Yield();
                report.Tell($"{s} done");
            });
        }

        protected internal override void PostStop() => _report.Tell("post-stop");
    }

    private sealed class ConcurrencyCheckActor : Actor
    {
        private int _inside;
        private int _max;
        private int _handled;

        public ConcurrencyCheckActor()
        {
            ReceiveAsync<int>(async _ =>
            {
                _max = Math.Max(_max, Interlocked.Increment(ref _inside));
                await Task.Yield();
                _handled++;
                Interlocked.Decrement(ref _inside);
            });
            Receive<string>(_ => Sender.Tell($"max concurrency {_max}, handled {_handled}"));
        }
    }

    private sealed class ReplyAfterAwaitActor : Actor
    {
        public ReplyAfterAwaitActor() => ReceiveAsync<string>(async s =>
        {
            IActorRef sender = Sender;
            await Task.Yield();
            sender.Tell("reply to " + s);
        });
    }

    private sealed class FailingAsyncActor : Actor
    {
        private readonly IActorRef _report;

        public FailingAsyncActor(IActorRef report)
        {
            _report = report;
            ReceiveAsync<string>(async _ =>
            {
                await Task.Yield();
                throw new IOException("serial port gone");
            });
        }

        protected internal override void PostRestart(Exception reason) => _report.Tell("restarted");
    }
}
