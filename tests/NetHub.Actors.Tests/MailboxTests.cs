using System.Runtime.CompilerServices;
using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class MailboxTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void SystemMessages_OvertakeQueuedUserMessages()
    {
        Logs.ExpectDeadLetters(m => m is int);
        using var gate = new TestGate();
        IActorRef actor = Sys.ActorOf(Props.Create(() => new GatedActor(gate, TestActor.Ref)), "gated");
        actor.Tell("block");
        TestActor.ExpectMsg("blocked");
        for (int i = 0; i < 5; i++)
        {
            actor.Tell(i);
        }

        Sys.Stop(actor);
        gate.Open();

        TestActor.ExpectMsg("post-stop");
        TestActor.ExpectNoMsg();
        AwaitCondition(() => Sys.DeadLetterCount == 5, message: "the five queued messages become dead letters");
    }

    [Fact]
    public void StreamsThatKeepAnActorWakingAndIdling_LoseNothing()
    {
        // Two senders and a forwarder feed one counter in bursts of one to four, so its mailbox goes idle and is
        // woken again tens of thousands of times, with runs finishing while the next one starts on another thread.
        const int PerSender = 20_000;
        var counted = new StrongBox<int>();
        IActorRef counter = Sys.ActorOf(Props.Create(() => new TallyActor(counted)), "tally");
        IActorRef forwarder = Sys.ActorOf(Props.Create(() => new ForwardActor(counter)), "forwarder");
        Thread[] senders =
        [
            new(() => Burst(counter, PerSender, 3)) { IsBackground = true },
            new(() => Burst(forwarder, PerSender, 4)) { IsBackground = true },
        ];
        foreach (Thread sender in senders)
        {
            sender.Start();
        }

        Assert.All(senders, sender => Assert.True(sender.Join(TestTime.DefaultTimeout)));
        AwaitCondition(() => Volatile.Read(ref counted.Value) == 2 * PerSender, message: "every message reaches the counter");
        counter.Tell(GetCount.Instance, TestActor);
        Assert.Equal(2 * PerSender, TestActor.ExpectMsg<int>());
    }

    private static void Burst(IActorRef target, int count, int burst)
    {
        for (int i = 0; i < count; i++)
        {
            target.Tell(i);
            if (i % burst == 0)
            {
                Thread.Yield();
            }
        }
    }

    private sealed class TallyActor : Actor
    {
        public TallyActor(StrongBox<int> counted)
        {
            Receive<int>(_ => Volatile.Write(ref counted.Value, counted.Value + 1));
            Receive<GetCount>(_ => Sender.Tell(counted.Value));
        }
    }

    [Fact]
    public void BoundedDropOldest_KeepsNewestAndCountsDrops()
    {
        using var gate = new TestGate();
        var props = Props.Create(() => new GatedActor(gate, TestActor.Ref))
            .WithMailbox(MailboxSettings.Bounded(3, MailboxFullMode.DropOldest));
        var actor = (LocalActorRef)Sys.ActorOf(props, "fader");
        actor.Tell("block");
        TestActor.ExpectMsg("blocked");
        for (int i = 0; i < 10; i++)
        {
            actor.Tell(i);
        }

        gate.Open();

        Assert.Equal([7, 8, 9], TestActor.ReceiveN(3).Cast<int>());
        TestActor.ExpectNoMsg();
        Assert.Equal(7, actor.DroppedMessageCount);
    }

    [Fact]
    public void BoundedDropNewest_KeepsOldestAndCountsDrops()
    {
        using var gate = new TestGate();
        var props = Props.Create(() => new GatedActor(gate, TestActor.Ref))
            .WithMailbox(MailboxSettings.Bounded(3, MailboxFullMode.DropNewest));
        var actor = (LocalActorRef)Sys.ActorOf(props, "sensor");
        actor.Tell("block");
        TestActor.ExpectMsg("blocked");
        for (int i = 0; i < 10; i++)
        {
            actor.Tell(i);
        }

        gate.Open();

        Assert.Equal([0, 1, 2], TestActor.ReceiveN(3).Cast<int>());
        TestActor.ExpectNoMsg();
        Assert.Equal(7, actor.DroppedMessageCount);
    }

    [Fact]
    public void BoundedWait_SenderWaitsForRoomAndNothingIsLost()
    {
        using var gate = new TestGate();
        var props = Props.Create(() => new GatedActor(gate, TestActor.Ref))
            .WithMailbox(MailboxSettings.Bounded(2, MailboxFullMode.Wait, TimeSpan.FromSeconds(30)));
        var actor = (LocalActorRef)Sys.ActorOf(props, "cues");
        actor.Tell("block");
        TestActor.ExpectMsg("blocked");
        actor.Tell(0);
        actor.Tell(1);

        Task sender = Task.Run(() =>
        {
            for (int i = 2; i < 6; i++)
            {
                actor.Tell(i);
            }
        });
        Assert.False(CompletesWithin(sender, Dilated(TimeSpan.FromMilliseconds(100))), "the sender must wait while the mailbox is full");
        gate.Open();

        Assert.Equal([0, 1, 2, 3, 4, 5], TestActor.ReceiveN(6).Cast<int>());
        Assert.True(CompletesWithin(sender, TestTime.DefaultTimeout));
        Assert.Equal(0, actor.DroppedMessageCount);
    }

    [Fact]
    public void BoundedWait_PushTimeoutMakesADeadLetter()
    {
        Logs.ExpectDeadLetters(m => m is int);
        using var gate = new TestGate();
        var props = Props.Create(() => new GatedActor(gate, TestActor.Ref))
            .WithMailbox(MailboxSettings.Bounded(1, MailboxFullMode.Wait, TimeSpan.FromMilliseconds(20)));
        var actor = (LocalActorRef)Sys.ActorOf(props, "cues");
        actor.Tell("block");
        TestActor.ExpectMsg("blocked");
        actor.Tell(0);

        actor.Tell(1);

        Assert.Equal(1, actor.DroppedMessageCount);
        Assert.Equal(1, Sys.DeadLetterCount);
        gate.Open();
        TestActor.ExpectMsg(0);
    }

    [Fact]
    public void NamedMailbox_FromConfiguration()
    {
        var actor = (LocalActorRef)Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)).WithMailbox("latest-value"), "named");
        Assert.Equal(256, actor.Cell.Mailbox.Settings.Capacity);
        Assert.Equal(MailboxFullMode.DropOldest, actor.Cell.Mailbox.Settings.FullMode);
    }

    [Fact]
    public void UnknownMailbox_IsRefusedWithTheKnownNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)).WithMailbox("fast"), "x"));
        Assert.Contains("Unknown mailbox 'fast'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("latest-value", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void QueuedMessageCount_IsWhatWaits(bool bounded)
    {
        using var gate = new TestGate();
        Props props = Props.Create(() => new GatedActor(gate, TestActor.Ref));
        var actor = (LocalActorRef)Sys.ActorOf(bounded ? props.WithMailbox(MailboxSettings.Bounded(100, MailboxFullMode.Wait)) : props, "counted");
        actor.Tell("block");
        TestActor.ExpectMsg("blocked");
        Assert.Equal(0, actor.QueuedMessageCount);
        for (int i = 0; i < 7; i++)
        {
            actor.Tell(i);
        }

        Assert.Equal(7, actor.QueuedMessageCount);
        gate.Open();
        Assert.Equal(Enumerable.Range(0, 7), TestActor.ReceiveN(7).Cast<int>());
        AwaitCondition(() => actor.QueuedMessageCount == 0, message: "the queue empties once the messages are handled");
    }

    [Fact]
    public void SeveralSendersAtOnce_EachSendersMessagesArriveInOrder()
    {
        // Four threads tell one actor at once (the queue's slots are claimed concurrently); each sender's numbers must
        // arrive complete and in the order it told them.
        const int Senders = 4;
        const int PerSender = 10_000;
        var seen = new int[Senders];
        var disorder = new StrongBox<int>();
        IActorRef actor = Sys.ActorOf(Props.Create(() => new SequenceActor(seen, disorder)), "sequences");
        using var start = new ManualResetEventSlim();
        Thread[] threads = [.. Enumerable.Range(0, Senders).Select(sender => new Thread(() =>
        {
            start.Wait();
            for (int i = 0; i < PerSender; i++)
            {
                actor.Tell((sender, i));
            }
        }) { IsBackground = true })];
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        start.Set();
        Assert.All(threads, thread => Assert.True(thread.Join(TestTime.DefaultTimeout)));
        AwaitCondition(() => Enumerable.Range(0, Senders).All(s => Volatile.Read(ref seen[s]) == PerSender), message: "every sender's messages arrive");
        Assert.Equal(0, Volatile.Read(ref disorder.Value));
    }

    private sealed class SequenceActor : Actor
    {
        public SequenceActor(int[] seen, StrongBox<int> disorder)
        {
            Receive<(int Sender, int Index)>(m =>
            {
                if (m.Index != seen[m.Sender])
                {
                    disorder.Value++;
                }

                Volatile.Write(ref seen[m.Sender], m.Index + 1);
            });
        }
    }

    [Fact]
    public void Messages_FromOneSender_ArriveInOrder()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)), "fwd");
        for (int i = 0; i < 1000; i++)
        {
            actor.Tell(i);
        }

        Assert.Equal(Enumerable.Range(0, 1000), TestActor.ReceiveN(1000).Cast<int>());
    }

    internal sealed class GatedActor : Actor
    {
        private readonly IActorRef _report;

        public GatedActor(TestGate gate, IActorRef report)
        {
            _report = report;
            Receive<string>(s => s == "block", _ =>
            {
                report.Tell("blocked");
                gate.Wait();
            });
            Receive<int>(i => report.Tell(i));
        }

        protected internal override void PostStop() => _report.Tell("post-stop");
    }
}
