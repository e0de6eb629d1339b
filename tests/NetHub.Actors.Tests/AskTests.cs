using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class AskTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void Ask_ReturnsTheReply()
    {
        IActorRef counter = Sys.ActorOf(Props.Create(() => new CounterActor(CreateTestProbe().Ref)), "counter");
        Assert.Equal("pong", AwaitResult(counter.AskAsync<string>(new Echo("pong"), TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void Ask_TimesOutOnTheManualClock_NamingTargetAndMessageType()
    {
        IActorRef silent = Sys.ActorOf(Props.Create(() => new ForwardActor(CreateTestProbe().Ref)), "silent");
        Task<string> ask = silent.AskAsync<string>(new Echo("anyone?"), TimeSpan.FromSeconds(3));

        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(ask.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(1));

        AskTimeoutException ex = AwaitFailure<AskTimeoutException>(ask);
        Assert.Contains("/user/silent", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Echo), ex.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(Echo), ex.MessageType);
        Assert.Equal(silent.Path, ex.Target);
    }

    [Fact]
    public void Ask_StatusFailureReply_FaultsTheTask()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ReplyActor(new Status.Failure(new TimeoutException("projector did not answer")))), "r");
        TimeoutException ex = AwaitFailure<TimeoutException>(actor.AskAsync<string>("q", TimeSpan.FromSeconds(1)));
        Assert.Equal("projector did not answer", ex.Message);
    }

    [Fact]
    public void Ask_WrongReplyType_SaysWhatCameBack()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ReplyActor(42)), "r");
        InvalidCastException ex = AwaitFailure<InvalidCastException>(actor.AskAsync<string>("q", TimeSpan.FromSeconds(1)));
        Assert.Contains("expected a reply of type String but got Int32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_Cancelled_CancelsTheTask()
    {
        IActorRef silent = Sys.ActorOf(Props.Create(() => new ForwardActor(CreateTestProbe().Ref)), "silent");
        using var cts = new CancellationTokenSource();
        Task<object> ask = silent.AskAsync("q", TimeSpan.FromSeconds(5), cts.Token);
        cts.Cancel();
        Assert.True(SpinWait.SpinUntil(() => ask.IsCanceled, TestTime.DefaultTimeout));
    }

    [Fact]
    public void Ask_WithoutFiniteTimeout_IsRefused()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ReplyActor(1)), "r");
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = actor.AskAsync("q", Timeout.InfiniteTimeSpan); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = actor.AskAsync("q", TimeSpan.Zero); });
    }

    [Fact]
    public void LateReply_AfterTimeout_IsADeadLetter()
    {
        Logs.ExpectDeadLetters(m => m is "late");
        IActorRef probeBacked = Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)), "slow");
        Task<string> ask = probeBacked.AskAsync<string>("question", TimeSpan.FromSeconds(1));
        TestActor.ExpectMsg("question");
        IActorRef asker = TestActor.LastSender;
        Clock.Advance(TimeSpan.FromSeconds(1));
        AwaitFailure<AskTimeoutException>(ask);

        asker.Tell("late");

        Assert.Equal(1, Sys.DeadLetterCount);
    }

    private sealed class ReplyActor : Actor
    {
        public ReplyActor(object reply) => ReceiveAny(_ => Sender.Tell(reply));
    }
}
