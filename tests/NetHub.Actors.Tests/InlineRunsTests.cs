using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

/// <summary>
/// A receive thread running the actors it wakes (<see cref="InlineRuns"/>): which actors, when, how deep, and what
/// goes back to the pool. Each test tells from a thread of its own, as an endpoint's receive loop does.
/// </summary>
public sealed class InlineRunsTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void InAScope_AnIdleOptedInActor_RunsOnTheTellingThread_WhenTheScopeEnds()
    {
        IActorRef actor = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, null)).WithRunsOnSender(), "inline"));
        bool ranBeforeScopeEnded = true;
        int thread = OnOwnThread(() =>
        {
            using (InlineRuns.Begin())
            {
                actor.Tell("a");
                actor.Tell("b");

                // Claimed by this thread: nothing else may run it meanwhile.
                ranBeforeScopeEnded = WhereActor.Runs(actor) > 0;
            }
        });

        Assert.False(ranBeforeScopeEnded);
        Assert.Equal(new Ran("a", thread, Depth: 1), TestActor.ExpectMsg<Ran>());
        Assert.Equal(new Ran("b", thread, Depth: 1), TestActor.ExpectMsg<Ran>());
    }

    [Fact]
    public void AnActorThatDidNotOptIn_RunsOnThePool()
    {
        IActorRef actor = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, null)), "pooled"));
        int thread = OnOwnThread(() =>
        {
            using (InlineRuns.Begin())
            {
                actor.Tell("a");
            }
        });

        Ran ran = TestActor.ExpectMsg<Ran>();
        Assert.True(ran.OnPool);
        Assert.Equal(0, ran.Depth);
        Assert.True(thread > 0);
    }

    [Fact]
    public void ActorsWokenByAnInlineRun_RunOnTheThreadToo_UpToMaxDepth()
    {
        IActorRef fourth = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, null)).WithRunsOnSender(), "fourth"));
        IActorRef third = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, fourth)).WithRunsOnSender(), "third"));
        IActorRef second = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, third)).WithRunsOnSender(), "second"));
        IActorRef first = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, second)).WithRunsOnSender(), "first"));
        int thread = OnOwnThread(() =>
        {
            using (InlineRuns.Begin())
            {
                first.Tell("go");
            }
        });

        // Each runs inside the turn before it (before that one reports); the fourth is past the depth.
        Ran[] ran = [TestActor.ExpectMsg<Ran>(), TestActor.ExpectMsg<Ran>(), TestActor.ExpectMsg<Ran>(), TestActor.ExpectMsg<Ran>()];
        Assert.Equal(3, InlineRuns.MaxDepth);
        Assert.Contains(new Ran("go", thread, Depth: 3, InsideAnotherTurn: true), ran);
        Assert.Contains(new Ran("go", thread, Depth: 2, InsideAnotherTurn: true), ran);
        Assert.Contains(new Ran("go", thread, Depth: 1), ran);
        Ran last = Assert.Single(ran, r => r.OnPool);
        Assert.Equal(0, last.Depth);
    }

    [Fact]
    public void MoreThanOneQuantum_TheRestGoesToThePool()
    {
        int throughput = Sys.Settings.Dispatchers["default"].Throughput;
        IActorRef actor = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, null)).WithRunsOnSender(), "busy"));
        int messages = throughput + 10;
        int thread = OnOwnThread(() =>
        {
            using (InlineRuns.Begin())
            {
                for (int i = 0; i < messages; i++)
                {
                    actor.Tell(i);
                }
            }
        });

        Ran[] ran = [.. Enumerable.Range(0, messages).Select(_ => TestActor.ExpectMsg<Ran>())];
        Assert.Equal(Enumerable.Range(0, messages).Cast<object>(), ran.Select(r => r.Message));
        Assert.All(ran.Take(throughput), r => Assert.Equal(thread, r.Thread));
        Assert.All(ran.Skip(throughput), r => Assert.True(r.OnPool));
    }

    [Fact]
    public void OutsideAScope_AndOnPoolThreads_TellingNeverRunsTheActor()
    {
        // The first actor runs on the pool and tells the second inside its turn; were the second run there and then,
        // it would see the first's turn still on its thread's stack.
        IActorRef second = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, null)).WithRunsOnSender(), "second"));
        IActorRef first = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, second)).WithRunsOnSender(), "first"));
        OnOwnThread(() => first.Tell("plain"));

        Ran[] ran = [TestActor.ExpectMsg<Ran>(), TestActor.ExpectMsg<Ran>()];
        Assert.All(ran, r => Assert.Equal(0, r.Depth));
        Assert.All(ran, r => Assert.False(r.InsideAnotherTurn));
    }

    [Fact]
    public void AnActorFailingOnTheThread_IsSupervisedAndTheThreadCarriesOn()
    {
        Logs.ExpectErrors(e => e.Exception is InvalidOperationException { Message: "boom" });
        IActorRef actor = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, null)).WithRunsOnSender(), "failing"));
        int thread = OnOwnThread(() =>
        {
            using (InlineRuns.Begin())
            {
                actor.Tell(new InvalidOperationException("boom"));
            }

            using (InlineRuns.Begin())
            {
                actor.Tell("after");
            }
        });

        // The default strategy restarts it; the next message is handled (on the pool or the thread, whichever is first).
        Assert.Equal("after", TestActor.ExpectMsg<Ran>().Message);
        Assert.True(thread > 0);
    }

    [Fact]
    public void AScopeInsideAScope_ClaimsNothingOfItsOwn()
    {
        IActorRef actor = Started(Sys.ActorOf(Props.Create(() => new WhereActor(TestActor.Ref, null)).WithRunsOnSender(), "nested"));
        bool ranAfterInnerScope = true;
        int thread = OnOwnThread(() =>
        {
            using (InlineRuns.Begin())
            {
                using (InlineRuns.Begin())
                {
                    actor.Tell("x");
                }

                ranAfterInnerScope = WhereActor.Runs(actor) > 0;
            }
        });

        Assert.False(ranAfterInnerScope);
        Assert.Equal(new Ran("x", thread, Depth: 1), TestActor.ExpectMsg<Ran>());
    }

    [Fact]
    public void ABackoffSupervisor_MayRunOnTheSender_ExactlyWhenItsChildMay()
    {
        Props child = Props.Create(() => new WhereActor(TestActor.Ref, null));
        var options = new BackoffOptions(child, "child", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0.2);

        Assert.False(options.ToProps().RunsOnSender);
        Assert.True((options with { ChildProps = child.WithRunsOnSender() }).ToProps().RunsOnSender);
    }

    /// <summary>
    /// Waits until <paramref name="actor"/> has started and its mailbox is idle: until then a message told to it waits
    /// for a run already under way or to come, wherever that happens.
    /// </summary>
    private IActorRef Started(IActorRef actor)
    {
        AwaitResult(actor.AskAsync<Ready>(Ready.Instance, TestTime.DefaultTimeout));
        AwaitCondition(() => ((LocalActorRef)actor).Cell.Mailbox.IsIdle, message: $"{actor.Path} goes idle");
        return actor;
    }

    /// <summary>Runs <paramref name="body"/> on a new thread, as a receive loop would, and returns that thread's id.</summary>
    private static int OnOwnThread(Action body)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        })
        { IsBackground = true, Name = "test-receive-loop" };
        thread.Start();
        Assert.True(thread.Join(TestTime.DefaultTimeout), "the telling thread finishes");
        Assert.Null(failure);
        return thread.ManagedThreadId;
    }

    private sealed record Ready
    {
        public static Ready Instance { get; } = new();
    }

    /// <summary>A message handled: on which thread, whether a pool thread, how deep in inline runs, inside another actor's turn.</summary>
    private sealed record Ran(object Message, int Thread, int Depth, bool InsideAnotherTurn = false, bool OnPool = false);

    /// <summary>Reports where each message ran (thread, and how deep in inline runs); passes it on to <c>next</c> first.</summary>
    private sealed class WhereActor : Actor
    {
        private static readonly Dictionary<IActorRef, int> s_runs = [];

        [ThreadStatic]
        private static int t_turns;

        public WhereActor(IActorRef report, IActorRef? next)
        {
            Receive<Ready>(ready => Sender.Tell(ready));
            ReceiveAny(message =>
            {
                lock (s_runs)
                {
                    s_runs[Self] = s_runs.GetValueOrDefault(Self) + 1;
                }

                if (message is Exception failure)
                {
                    throw failure;
                }

                bool insideAnother = t_turns > 0;
                t_turns++;
                try
                {
                    next?.Tell(message);
                }
                finally
                {
                    t_turns--;
                }

                report.Tell(new Ran(message, Environment.CurrentManagedThreadId, InlineRuns.CurrentDepth, insideAnother, Thread.CurrentThread.IsThreadPoolThread));
            });
        }

        public static int Runs(IActorRef actor)
        {
            lock (s_runs)
            {
                return s_runs.GetValueOrDefault(actor);
            }
        }
    }
}
