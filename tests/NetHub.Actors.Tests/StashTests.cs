using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class StashTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void StashedMessages_ComeBackInOrderBeforeNewerMail()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ConnectingActor(TestActor.Ref)), "conn");
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("connected");
        actor.Tell("c");

        Assert.Equal(["sent a", "sent b", "sent c"], TestActor.ReceiveN(3).Cast<string>());
    }

    [Fact]
    public void StashOverflow_FailsTheActorWithAClearMessage()
    {
        ExpectErrorLog("stopping it");
        Logs.ExpectDeadLetters();
        IActorRef parent = Sys.ActorOf(Props.Create(() => new SupervisorActor(SupervisorStrategy.Stopping)), "parent");
        TestActor.Send(parent, new CreateChild(Props.Create(() => new ConnectingActor(TestActor.Ref)).WithStashCapacity(2), "conn"));
        IActorRef actor = TestActor.ExpectMsg<IActorRef>();
        TestActor.Watch(actor);

        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("c");

        TestActor.ExpectTerminated(actor);
        LogEntry entry = Assert.Single(Logs.Entries, e => e.Exception is StashOverflowException);
        Assert.Contains("/user/parent/conn stashed more than 2 messages", entry.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_GivesStashedMessagesToTheFreshInstance()
    {
        ExpectErrorLog("restarting it");
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ConnectingActor(TestActor.Ref)), "conn");
        actor.Tell("a");
        actor.Tell(new Fail(new InvalidOperationException("socket error")));
        actor.Tell("connected");

        TestActor.ExpectMsg("sent a");
    }

    [Fact]
    public void Stop_TurnsStashedMessagesIntoDeadLetters()
    {
        Logs.ExpectDeadLetters(m => m is string);
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ConnectingActor(TestActor.Ref)), "conn");
        TestActor.Watch(actor);
        actor.Tell("a");
        actor.Tell("b");
        Sys.Stop(actor);
        TestActor.ExpectTerminated(actor);
        Assert.Equal(2, Sys.DeadLetterCount);
    }

    /// <summary>Stashes everything until "connected", then sends.</summary>
    private sealed class ConnectingActor : Actor
    {
        public ConnectingActor(IActorRef report)
        {
            Receive<Fail>(f => throw f.Cause);
            Receive<string>(s => s == "connected", _ =>
            {
                Become(() => Receive<string>(s => report.Tell("sent " + s)));
                Stash.UnstashAll();
            });
            Receive<string>(_ => Stash.Stash());
        }
    }
}
