namespace NetHub.TestKit.Tests;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Advance_MovesNowAndTimestamp()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero));
        long start = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 20, 1, 30, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(start));
    }

    [Fact]
    public void Timers_FireInDueOrder_WithTheClockAtTheirDueTime()
    {
        var clock = new ManualTimeProvider();
        DateTimeOffset origin = clock.GetUtcNow();
        var fired = new List<(string Name, TimeSpan At)>();
        using ITimer late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow() - origin)), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using ITimer early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow() - origin)), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([("early", TimeSpan.FromSeconds(1)), ("late", TimeSpan.FromSeconds(3))], fired);
    }

    [Fact]
    public void TimerLead_FiresATimerThatMuchBeforeItIsDue()
    {
        var clock = new ManualTimeProvider { TimerLead = TimeSpan.FromMilliseconds(1) };
        DateTimeOffset origin = clock.GetUtcNow();
        var fired = new List<TimeSpan>();
        using ITimer timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow() - origin), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        using ITimer soon = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow() - origin), null, TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(19));

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(19)], fired);
    }

    [Fact]
    public void PeriodicTimer_FiresOncePerPeriodCrossed()
    {
        var clock = new ManualTimeProvider();
        int count = 0;
        using ITimer timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMilliseconds(3500));
        Assert.Equal(3, count);
    }

    [Fact]
    public void DisposedOrChangedTimer_DoesNotFireAtTheOldTime()
    {
        var clock = new ManualTimeProvider();
        int disposed = 0, changed = 0;
        ITimer a = clock.CreateTimer(_ => disposed++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using ITimer b = clock.CreateTimer(_ => changed++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        a.Dispose();
        Assert.True(b.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, disposed);
        Assert.Equal(0, changed);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, changed);
        Assert.False(a.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void TimerCreatedByACallback_FiresInTheSameAdvanceIfDue()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<string>();
        using ITimer first = clock.CreateTimer(
            _ =>
            {
                fired.Add("first");
                clock.CreateTimer(_ => fired.Add("second"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["first", "second"], fired);
    }

    [Fact]
    public void WaitForActiveTimers_ReturnsWhenATimerIsArmedOnAnotherThread()
    {
        var clock = new ManualTimeProvider();
        Task arm = Task.Run(() => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        Assert.True(clock.WaitForActiveTimers(1, TestTime.DefaultTimeout));
        Assert.False(clock.WaitForActiveTimers(5, TimeSpan.FromMilliseconds(20)));
        GC.KeepAlive(arm);
    }
}
