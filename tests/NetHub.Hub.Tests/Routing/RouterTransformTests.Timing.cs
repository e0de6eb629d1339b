using NetHub.Hub.Routing;
using NetHub.Osc;

namespace NetHub.Hub.Tests.Routing;

/// <summary>
/// The transforms that read the clock: smoothing (lag and one-euro, with and without <c>settle</c>, whose steps the
/// router takes on its own timer) and rate limits (the router's flush timer). Times are milliseconds since the test
/// started; every value the router sends without a new message is checked to leave at exactly its instant.
/// </summary>
public sealed partial class RouterTransformTests
{
    /// <summary>The lag's documented step: y += (x - y)(1 - e^(-dt/τ)).</summary>
    private static double Lag(double y, double x, double dtSeconds, double tauSeconds) => y + ((x - y) * (1 - Math.Exp(-dtSeconds / tauSeconds)));

    /// <summary>Within a millionth of the input (relative, at least absolute): where a smoother with settle stops.</summary>
    private static bool Settled(double y, double x) => Math.Abs(y - x) <= 1e-6 * Math.Max(1, Math.Abs(x));

    [Fact]
    public void SmoothLag_WithoutSettle_MovesOnlyWhenAMessageComes()
    {
        StartRouter("""
            nethub.routes.lag { address = "/fader/{n}", to = ["td:/ch/{n}"], transforms = [{ type = smooth, method = lag, time = 100ms }] }
            """, ["in", "td"]);

        In("/fader/1", 0.0);
        AssertFloat64(0, Assert.Single(Sent("td", "/ch/1")));   // the first value passes as it is

        AdvanceTo(100);
        In("/fader/1", 1.0);
        double y = Lag(0, 1, 0.1, 0.1);                           // 63% of the jump after τ
        AssertFloat64(y, Assert.Single(Sent("td", "/ch/1")));
        Assert.Equal(1 - Math.Exp(-1), y, 12);

        // Short of the target, and nothing more until a message comes.
        NothingBefore(5_000);
        Endpoints["td"].ExpectNoMsg();

        AdvanceTo(5_000);
        In("/fader/1", 1.0);
        y = Lag(y, 1, 4.9, 0.1);
        AssertFloat64(y, Assert.Single(Sent("td", "/ch/1")));

        // No time elapsed since the last value: the last output again.
        In("/fader/1", 0.0);
        AssertFloat64(y, Assert.Single(Sent("td", "/ch/1")));
    }

    [Fact]
    public void SmoothLag_WithSettle_StepsOnItsOwnEverySettle_UntilItArrives_ThenStops()
    {
        StartRouter(LagWithSettle, ["in", "td"]);

        In("/fader/1", 0.0);
        AssertFloat64(0, Assert.Single(Sent("td", "/ch/1")));
        NothingBefore(100);                                       // already where it is going: no step pending

        AdvanceTo(100);
        In("/fader/1", 1.0);
        double y = Lag(0, 1, 0.1, 0.1);
        AssertFloat64(y, Assert.Single(Sent("td", "/ch/1")));

        // No more messages: the router steps towards 1 every 100 ms, each step e^-1 of the way left, until within a
        // millionth (e^-14 < 1e-6 < e^-13: 13 steps after the message).
        double at = 100;
        int steps = 0;
        while (!Settled(y, 1))
        {
            at += 100;
            steps++;
            y = Lag(y, 1, 0.1, 0.1);
            AssertFloat64(y, Assert.Single(SentAt(at, "td", "/ch/1")));
        }

        Assert.Equal(13, steps);
        Assert.Equal(1400, at);
        Assert.Equal(1 - Math.Exp(-14), y, 12);

        // Settled: it stops.
        NothingBefore(10_000);
        Endpoints["td"].ExpectNoMsg();
        Assert.Equal((15L, 15L, 0L, 0L), Activity());
    }

    [Fact]
    public void SmoothLag_WithSettle_ANewMessageReplacesThePendingStep()
    {
        StartRouter(LagWithSettle, ["in", "td"]);

        In("/fader/1", 0.0);
        Sent("td", "/ch/1");
        AdvanceTo(100);
        In("/fader/1", 1.0);
        double y = Lag(0, 1, 0.1, 0.1);
        AssertFloat64(y, Assert.Single(Sent("td", "/ch/1")));
        y = Lag(y, 1, 0.1, 0.1);
        AssertFloat64(y, Assert.Single(SentAt(200, "td", "/ch/1")));

        // Half way to the next step a new value comes: it is smoothed over the 50 ms since the step...
        NothingBefore(250);
        AdvanceTo(250);
        In("/fader/1", 0.5);
        y = Lag(y, 0.5, 0.05, 0.1);
        AssertFloat64(y, Assert.Single(Sent("td", "/ch/1")));

        // ...and the next step is 100 ms after it, not at 300 where it was due before (SentAt checks nothing came then).
        y = Lag(y, 0.5, 0.1, 0.1);
        AssertFloat64(y, Assert.Single(SentAt(350, "td", "/ch/1")));
        y = Lag(y, 0.5, 0.1, 0.1);
        AssertFloat64(y, Assert.Single(SentAt(450, "td", "/ch/1")));
    }

    /// <summary>
    /// The 1€ filter as the paper (Casiez, Roussel and Vogel, CHI 2012) writes it: the speed (x - x̂prev)/Te is low-passed
    /// at d-cutoff, and x at min-cutoff + β|speed|, each low-pass with α = 1 / (1 + τ/Te), τ = 1 / (2π fc). The first
    /// value passes as it is.
    /// </summary>
    private sealed class OneEuro(double minCutoff, double beta, double derivativeCutoff)
    {
        private bool _started;
        private double _x;
        private double _speed;

        public double Next(double x, double dtSeconds)
        {
            if (!_started)
            {
                _started = true;
                _x = x;
                return x;
            }

            double speed = (x - _x) / dtSeconds;
            _speed += Alpha(derivativeCutoff, dtSeconds) * (speed - _speed);
            _x += Alpha(minCutoff + (beta * Math.Abs(_speed)), dtSeconds) * (x - _x);
            return _x;
        }

        private static double Alpha(double cutoff, double dtSeconds) => 1 / (1 + (1 / (2 * Math.PI * cutoff) / dtSeconds));
    }

    [Fact]
    public void SmoothOneEuro_WithSettle_StepsOnItsOwnUntilItArrives_ThenStops()
    {
        StartRouter("""
            nethub.routes.euro {
              address = "/pad/{n}", to = ["td:/xy/{n}"]
              transforms = [{ type = smooth, method = one-euro, min-cutoff = 5, beta = 0.1, d-cutoff = 1, settle = 50ms }]
            }
            """, ["in", "td"]);
        var filter = new OneEuro(5, 0.1, 1);

        In("/pad/1", 0.2);
        AssertFloat64(filter.Next(0.2, 0), Assert.Single(Sent("td", "/xy/1")));
        AdvanceTo(20);
        In("/pad/1", 0.9);
        double y = filter.Next(0.9, 0.02);
        AssertFloat64(y, Assert.Single(Sent("td", "/xy/1")));

        double at = 20;
        int steps = 0;
        while (!Settled(y, 0.9))
        {
            at += 50;
            steps++;
            y = filter.Next(0.9, 0.05);
            AssertFloat64(y, Assert.Single(SentAt(at, "td", "/xy/1")));
            Assert.True(steps < 100, "the filter should settle");
        }

        Assert.True(steps > 5, $"{steps} steps: the test should watch the filter settle over several");
        NothingBefore(at + 5_000);
        Endpoints["td"].ExpectNoMsg();
        Assert.Equal((2L + steps, 2L + steps, 0L, 0L), Activity());
    }

    [Fact]
    public void RateLimit_HoldsTheLatestValue_WhichLeavesWhenTheIntervalEnds()
    {
        StartRouter("""
            nethub.routes.slow { address = "/fader/{n}", to = ["td:/ch/{n}/level"], transforms = [{ type = rate-limit, max-rate = 10 }] }
            """, ["in", "td"]);

        // 10 a second: one value per 100 ms. The first passes.
        In("/fader/1", 1);
        Assert.Equal([OscArgument.Int32(1)], Sent("td", "/ch/1/level"));

        // Two more within the interval: held, the newer replacing the older.
        AdvanceTo(10);
        In("/fader/1", 2);
        AdvanceTo(20);
        In("/fader/1", 3);

        // The last one leaves when the interval ends, to the route's rewritten address; 2 never does.
        Assert.Equal([OscArgument.Int32(3)], SentAt(100, "td", "/ch/1/level"));

        // The next interval counts from then.
        AdvanceTo(150);
        In("/fader/1", 4);
        Assert.Equal([OscArgument.Int32(4)], SentAt(200, "td", "/ch/1/level"));

        // A value after a quiet interval passes at once.
        NothingBefore(450);
        AdvanceTo(450);
        In("/fader/1", 5);
        Assert.Equal([OscArgument.Int32(5)], Sent("td", "/ch/1/level"));

        NothingBefore(2_000);
        Endpoints["td"].ExpectNoMsg();
        RouterCounters counters = Counters();
        Assert.Equal((5L, 4L, 4L, 3L, 0L), (counters.Inbound, counters.Routed, counters.Sent, counters.Coalesced, counters.TransformDrops));
    }
}
