using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class SchedulerTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void ScheduleTellOnce_DeliversAfterDelay()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor.Ref, "go", TestActor.Ref);
        Clock.Advance(TimeSpan.FromMilliseconds(999));
        TestActor.ExpectNoMsg();
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        TestActor.ExpectMsg("go");
        Assert.Equal(TestActor.Ref, TestActor.LastSender);
    }

    [Fact]
    public void ScheduleTellRepeatedly_UntilCancelled()
    {
        ICancelable task = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor.Ref, "tick");
        Clock.Advance(TimeSpan.FromSeconds(1));
        TestActor.ExpectMsg("tick");
        Clock.Advance(TimeSpan.FromSeconds(2));
        TestActor.ExpectMsg("tick");

        Assert.True(task.Cancel());
        Assert.False(task.Cancel());
        Assert.True(task.IsCancellationRequested);
        Clock.Advance(TimeSpan.FromSeconds(10));
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void ScheduledAction_Throwing_IsLoggedAndSchedulerKeepsWorking()
    {
        ExpectErrorLog("scheduled action threw");
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => throw new InvalidOperationException("bad action"));
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(2), () => TestActor.Tell("still alive"));

        Clock.Advance(TimeSpan.FromSeconds(2));

        TestActor.ExpectMsg("still alive");
        Assert.Contains(Logs.Entries, e => e.Exception is InvalidOperationException { Message: "bad action" });
    }

    [Fact]
    public void CancelledBeforeDue_NeverRuns()
    {
        ICancelable task = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor.Ref, "no");
        Assert.True(task.Cancel());
        Clock.Advance(TimeSpan.FromSeconds(2));
        TestActor.ExpectNoMsg();
    }
}
