using Microsoft.Extensions.Logging;
using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class DeadLetterTests(ITestOutputHelper output) : ActorTestKit(output, config: "nethub.actors.dead-letters { log-max = 3, log-window = 1m }")
{
    [Fact]
    public void MessageToStoppedActor_IsCountedPublishedAndLoggedWithSenderRecipientAndType()
    {
        Logs.ExpectDeadLetters();
        TestProbe deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        IActorRef target = Sys.ActorOf(Props.Create(() => new ForwardActor(CreateTestProbe().Ref)), "projector");
        TestActor.Watch(target);
        Sys.Stop(target);
        TestActor.ExpectTerminated(target);

        target.Tell(new Echo("power on"), TestActor.Ref);

        DeadLetter letter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal(new Echo("power on"), letter.Message);
        Assert.Same(target, letter.Recipient);
        Assert.Equal(TestActor.Ref, letter.Sender);
        Assert.Equal(1, Sys.DeadLetterCount);
        LogEntry entry = Assert.Single(Logs.Entries, e => e.EventId.Id == 1020);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("Echo", entry.Message, StringComparison.Ordinal);
        Assert.Contains("/user/projector", entry.Message, StringComparison.Ordinal);
        Assert.Contains(TestActor.Path.ToString(), entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TerminatedForAWatcherThatStoppedFirst_IsCountedButNotLogged()
    {
        Logs.ExpectDeadLetters(m => m is Terminated);
        TestProbe deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        IActorRef router = Sys.ActorOf(Props.Create(() => new ForwardActor(CreateTestProbe().Ref)), "router");
        IActorRef endpoint = Sys.ActorOf(Props.Create(() => new ForwardActor(CreateTestProbe().Ref)), "endpoint");
        TestActor.Watch(router);
        Sys.Stop(router);
        TestActor.ExpectTerminated(router);

        // What a stopping endpoint sends a watcher that has already gone (the two stop side by side at shutdown).
        router.Tell(new Terminated(endpoint, ExistenceConfirmed: true));

        Assert.IsType<Terminated>(deadLetters.ExpectMsg<DeadLetter>().Message);
        Assert.DoesNotContain(Logs.Entries, e => e.EventId.Id == 1020);
    }

    [Fact]
    public void DeadLetterLogging_IsLimitedPerWindow_AndSummarisesTheRest()
    {
        Logs.ExpectDeadLetters();
        for (int i = 0; i < 10; i++)
        {
            Sys.DeadLetters.Tell(i);
        }

        Assert.Equal(10, Sys.DeadLetterCount);
        Assert.Equal(3, Logs.Count(e => e.EventId.Id == 1020));

        Clock.Advance(TimeSpan.FromMinutes(1));
        Sys.DeadLetters.Tell(10);

        LogEntry summary = Logs.Entries.Last(e => e.EventId.Id == 1020);
        Assert.Contains("7 more suppressed", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplyToNoSender_GoesToDeadLetters()
    {
        Logs.ExpectDeadLetters(m => m is "pong");
        IActorRef counter = Sys.ActorOf(Props.Create(() => new CounterActor(CreateTestProbe().Ref)), "c");
        counter.Tell(new Echo("pong"));
        AwaitCondition(() => Sys.DeadLetterCount == 1);
    }

    [Fact]
    public void UnexpectedDeadLetter_IsReportedByTheTestKit()
    {
        Sys.DeadLetters.Tell("surprise");
        IReadOnlyList<string> problems = Logs.Verify();
        Assert.Contains(problems, p => p.Contains("unexpected dead letter", StringComparison.Ordinal));
        Logs.ExpectDeadLetters(m => m is "surprise");
    }
}
