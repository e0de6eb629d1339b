using NetHub.Actors;
using Xunit.Sdk;

namespace NetHub.TestKit.Tests;

public sealed class TestProbeTests : ActorTestKit
{
    [Fact]
    public void ExpectMsg_WrongType_FailsNamingBothTypes()
    {
        TestActor.Tell(42);
        var ex = Assert.Throws<XunitException>(() => TestActor.ExpectMsg<string>());
        Assert.Contains("expected String but got Int32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_NothingArrives_FailsAfterTheTimeout()
    {
        var ex = Assert.Throws<XunitException>(() => TestActor.ExpectMsg<string>(TimeSpan.FromMilliseconds(30)));
        Assert.Contains("nothing arrived", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_FailsWhenSomethingArrives()
    {
        TestActor.Tell("unexpected");
        Assert.Throws<XunitException>(() => TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(30)));
    }

    [Fact]
    public void FishForMessage_SkipsUntilAMatch()
    {
        TestActor.Tell(1);
        TestActor.Tell("noise");
        TestActor.Tell(2);
        Assert.Equal(2, TestActor.FishForMessage<int>(i => i > 1));
    }

    [Fact]
    public void Reply_GoesToTheLastSender()
    {
        TestProbe other = CreateTestProbe();
        other.Send(TestActor.Ref, "question");
        TestActor.ExpectMsg("question");
        TestActor.Reply("answer");
        other.ExpectMsg("answer");
        Assert.Equal(TestActor.Ref, other.LastSender);
    }

    [Fact]
    public void Watch_DeliversTerminatedOnce()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new Sink()), "sink");
        TestActor.Watch(actor);
        TestActor.Watch(actor);
        Sys.Stop(actor);
        TestActor.ExpectTerminated(actor);
        TestActor.ExpectNoMsg();
    }

    private sealed class Sink : Actor
    {
        public Sink() => ReceiveAny(_ => { });
    }
}
