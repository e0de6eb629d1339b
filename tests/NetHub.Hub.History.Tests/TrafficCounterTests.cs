namespace NetHub.Hub.History.Tests;

public sealed class TrafficCounterTests
{
    private const long Second = TimeSpan.TicksPerSecond;
    private const long Start = 1_000 * Second;

    private static (long, long, long) Counts(TrafficWindow w) => (w.Messages1s, w.Messages10s, w.Messages60s);

    [Fact]
    public void Window_ForgetsAMessageExactlyWhenItsBucketLeaves()
    {
        var counter = new TrafficCounter();
        counter.Add(Start, 10);

        Assert.Equal((1L, 1L, 1L), Counts(counter.Window(Start + Second - 1)));
        Assert.Equal((0L, 1L, 1L), Counts(counter.Window(Start + Second)));
        Assert.Equal((0L, 1L, 1L), Counts(counter.Window(Start + (10 * Second) - 1)));
        Assert.Equal((0L, 0L, 1L), Counts(counter.Window(Start + (10 * Second))));
        Assert.Equal((0L, 0L, 1L), Counts(counter.Window(Start + (60 * Second) - 1)));
        Assert.Equal((0L, 0L, 0L), Counts(counter.Window(Start + (60 * Second))));
        Assert.Equal(1, counter.Messages);
        Assert.Equal(10, counter.Bytes);
    }

    [Fact]
    public void Window_OfASteadyStream_HoldsOneWindowWorth()
    {
        var counter = new TrafficCounter();
        long now = Start;
        for (int i = 0; i < 200 * 10; i++)
        {
            counter.Add(now, 4);
            now += Second / 10;
        }

        TrafficWindow window = counter.Window(now - 1);
        Assert.Equal((10L, 100L, 600L), Counts(window));
        Assert.Equal(40, window.Bytes1s);
        Assert.Equal(400, window.Bytes10s);
        Assert.Equal(2400, window.Bytes60s);
        Assert.Equal(10.0, window.Rate1s);
        Assert.Equal(10.0, window.Rate10s);
        Assert.Equal(10.0, window.Rate60s);
    }

    [Fact]
    public void Window_AfterALongGap_StartsFromNothing()
    {
        var counter = new TrafficCounter();
        counter.Add(Start, 1);
        counter.Add(Start + (30 * Second), 1);
        counter.Add(Start + (3600 * Second), 1);

        Assert.Equal((1L, 1L, 1L), Counts(counter.Window(Start + (3600 * Second))));
        Assert.Equal(3, counter.Messages);
    }

    [Fact]
    public void Window_FromTheClocksFirstSecond_Works()
    {
        var counter = new TrafficCounter();
        for (long t = 0; t < 3 * Second; t += Second / 2)
        {
            counter.Add(t, 1);
        }

        Assert.Equal((2L, 6L, 6L), Counts(counter.Window((3 * Second) - 1)));
        Assert.Equal((1L, 6L, 6L), Counts(counter.Window(3 * Second)));
        Assert.Equal((0L, 6L, 6L), Counts(counter.Window(4 * Second)));
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        var counter = new TrafficCounter();
        counter.Add(Start, 7);
        counter.Reset();
        counter.Add(Start + Second, 1);

        Assert.Equal((1L, 1L, 1L), Counts(counter.Window(Start + Second)));
        Assert.Equal(1, counter.Bytes);
    }
}
