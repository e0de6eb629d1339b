using System.Collections.Concurrent;
using NetHub.TestKit;

namespace NetHub.Transports.Tests;

public sealed class PreciseSchedulerTests
{
    private static readonly Microsoft.Extensions.Logging.ILogger Quiet = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    [Fact]
    public void ManualClock_FiresAtTheTime()
    {
        var clock = new ManualTimeProvider();
        using var scheduler = new PreciseScheduler(clock, Quiet);
        var fired = new List<DateTimeOffset>();
        DateTimeOffset at = clock.GetUtcNow().AddMilliseconds(250);

        scheduler.ScheduleAt(at, () => fired.Add(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([at], fired);
    }

    [Fact]
    public void ManualClock_PastTimeFiresOnTheNextTick_AndCancelledNeverFires()
    {
        var clock = new ManualTimeProvider();
        using var scheduler = new PreciseScheduler(clock, Quiet);
        var fired = new List<string>();
        scheduler.ScheduleAt(clock.GetUtcNow().AddSeconds(-1), () => fired.Add("late"));
        IDisposable cancelled = scheduler.ScheduleAt(clock.GetUtcNow().AddSeconds(1), () => fired.Add("cancelled"));
        cancelled.Dispose();

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["late"], fired);
    }

    [Fact]
    public void ThrowingAction_IsLogged_AndOthersStillRun()
    {
        var clock = new ManualTimeProvider();
        var logs = new LogCapture();
        using var scheduler = new PreciseScheduler(clock, logs.CreateLogger("scheduler"));
        bool ran = false;
        scheduler.ScheduleAt(clock.GetUtcNow().AddSeconds(1), () => throw new InvalidOperationException("bad delivery"));
        scheduler.ScheduleAt(clock.GetUtcNow().AddSeconds(2), () => ran = true);

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(ran);
        Assert.Contains(logs.Entries, e => e.Exception is InvalidOperationException { Message: "bad delivery" });
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void SystemClock_FiresInTimeOrder_AndSkipsCancelled()
    {
        using var scheduler = new PreciseScheduler(TimeProvider.System, Quiet);
        var order = new ConcurrentQueue<int>();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        scheduler.ScheduleAt(now.AddMilliseconds(60), () => order.Enqueue(3));
        scheduler.ScheduleAt(now.AddMilliseconds(20), () => order.Enqueue(1));
        IDisposable skipped = scheduler.ScheduleAt(now.AddMilliseconds(30), () => order.Enqueue(99));
        scheduler.ScheduleAt(now.AddMilliseconds(40), () => order.Enqueue(2));
        skipped.Dispose();

        Assert.True(SpinWait.SpinUntil(() => order.Count == 3, TestTime.DefaultTimeout));
        Assert.Equal([1, 2, 3], order);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void SystemClock_AnEarlierItemScheduledLater_StillFiresFirst()
    {
        using var scheduler = new PreciseScheduler(TimeProvider.System, Quiet);
        var order = new ConcurrentQueue<string>();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        scheduler.ScheduleAt(now.AddSeconds(2), () => order.Enqueue("late"));
        scheduler.ScheduleAt(now.AddMilliseconds(10), () => order.Enqueue("early"));

        Assert.True(SpinWait.SpinUntil(() => order.Count == 2, TestTime.DefaultTimeout));
        Assert.Equal(["early", "late"], order);
    }
}
