using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class DeathWatchTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void Terminated_DeliveredExactlyOnce()
    {
        IActorRef target = Sys.ActorOf(Props.Create(() => new CounterActor(CreateTestProbe().Ref)), "target");
        IActorRef watcher = Sys.ActorOf(Props.Create(() => new WatcherActor(TestActor.Ref)), "watcher");
        watcher.Tell(new WatchIt(target));
        watcher.Tell(new WatchIt(target));
        TestActor.ExpectMsg("watching");
        TestActor.ExpectMsg("watching");

        Sys.Stop(target);
        Sys.Stop(target);

        TestActor.ExpectMsg<Terminated>(t => t.ActorRef.Equals(target) && t.ExistenceConfirmed);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Watch_AlreadyDeadActor_DeliversTerminated()
    {
        TestProbe other = CreateTestProbe();
        IActorRef target = Sys.ActorOf(Props.Create(() => new CounterActor(CreateTestProbe().Ref)), "short-lived");
        other.Watch(target);
        Sys.Stop(target);
        other.ExpectTerminated(target);

        TestActor.Watch(target);

        Terminated terminated = TestActor.ExpectTerminated(target);
        Assert.False(terminated.ExistenceConfirmed);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Terminated_ArrivesAfterEveryMessageTheDeadActorSent()
    {
        IActorRef chatty = Sys.ActorOf(Props.Create(() => new ChattyActor(TestActor.Ref)), "chatty");
        TestActor.Watch(chatty);
        chatty.Tell(100);

        for (int i = 0; i < 100; i++)
        {
            TestActor.ExpectMsg(i);
        }

        TestActor.ExpectTerminated(chatty);
    }

    [Fact]
    public void Unwatch_PreventsTerminated()
    {
        IActorRef target = Sys.ActorOf(Props.Create(() => new CounterActor(CreateTestProbe().Ref)), "target");
        TestActor.Watch(target);
        TestActor.Unwatch(target);
        TestProbe control = CreateTestProbe();
        control.Watch(target);

        Sys.Stop(target);

        control.ExpectTerminated(target);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void UnhandledTerminated_IsADeathPact()
    {
        ExpectErrorLog("stopping it");
        IActorRef target = Sys.ActorOf(Props.Create(() => new CounterActor(CreateTestProbe().Ref)), "target");
        IActorRef pact = Sys.ActorOf(Props.Create(() => new PactActor(target)), "pact");
        TestActor.Watch(pact);
        pact.Tell("ready?", TestActor.Ref);
        TestActor.ExpectMsg("ready");

        Sys.Stop(target);

        TestActor.ExpectTerminated(pact);
        Assert.Contains(Logs.Entries, e => e.Exception is DeathPactException);
    }

    [Fact]
    public void ParentWatchingChild_FreesTheNameBeforeTerminated()
    {
        IActorRef sink = CreateTestProbe("sink").Ref;
        IActorRef parent = Sys.ActorOf(Props.Create(() => new RecreatingParent(TestActor.Ref, sink)), "parent");
        parent.Tell("cycle");
        TestActor.ExpectMsg("recreated /user/parent/worker");
    }

    private sealed record WatchIt(IActorRef Target);

    private sealed class WatcherActor : Actor
    {
        public WatcherActor(IActorRef report)
        {
            Receive<WatchIt>(w =>
            {
                Context.Watch(w.Target);
                report.Tell("watching");
            });
            Receive<Terminated>(t => report.Tell(t));
        }
    }

    private sealed class ChattyActor : Actor
    {
        public ChattyActor(IActorRef target) => Receive<int>(n =>
        {
            for (int i = 0; i < n; i++)
            {
                target.Tell(i);
            }

            Context.Stop(Self);
        });
    }

    private sealed class PactActor : Actor
    {
        public PactActor(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => Sender.Tell("ready"));
        }
    }

    private sealed class RecreatingParent : Actor
    {
        public RecreatingParent(IActorRef report, IActorRef sink)
        {
            Receive<string>(_ =>
            {
                IActorRef child = Context.ActorOf(Props.Create(() => new CounterActor(sink)), "worker");
                Context.Watch(child);
                Context.Stop(child);
            });
            Receive<Terminated>(_ =>
            {
                IActorRef again = Context.ActorOf(Props.Create(() => new CounterActor(sink)), "worker");
                report.Tell($"recreated {again.Path.ToStringWithoutAddress()}");
            });
        }
    }
}
