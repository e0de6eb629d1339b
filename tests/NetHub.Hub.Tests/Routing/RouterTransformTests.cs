using NetHub.Hub.Routing;
using NetHub.Osc;
using NetHub.Transports;
using Xunit.Abstractions;

namespace NetHub.Hub.Tests.Routing;

/// <summary>
/// Every transform docs/transforms.md lists, run by the router: real messages from endpoint <c>in</c> through a route
/// read from HOCON, out to endpoint <c>td</c> (and others), on the test kit's manual clock. Expected values come from
/// the documented formulas, worked out here, never from the transform code. This file: the stateless numeric
/// transforms (scale, map, curve, invert, step) and the helpers; the timed ones, filters, conversions, templates,
/// chains, per-stream state and drops are in the other parts.
/// </summary>
public sealed partial class RouterTransformTests(ITestOutputHelper output) : RouterTestKit(output)
{
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    /// <summary>One lag-smoothed route for faders /fader/{n} to td:/ch/{n}, stepping on its own every 100 ms until it settles.</summary>
    private const string LagWithSettle = """
        nethub.routes.lag {
          address = "/fader/{n}", to = ["td:/ch/{n}"]
          transforms = [{ type = smooth, method = lag, time = 100ms, settle = 100ms }]
        }
        """;

    /// <summary>How far the manual clock has been moved since the test started.</summary>
    private TimeSpan _elapsed;

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond));

    /// <summary>
    /// A message from endpoint <c>in</c>, handled before this returns (the counters are asked after it), so it meets the
    /// transforms at the clock's present time and the clock can be moved on.
    /// </summary>
    private void In(string address, params OscArgument[] arguments)
    {
        Router.Tell(Inbound("in", address, arguments));
        Counters();
    }

    /// <summary>Moves the manual clock to <paramref name="milliseconds"/> after the start of the test.</summary>
    private void AdvanceTo(double milliseconds)
    {
        TimeSpan target = Ms(milliseconds);
        Assert.True(target >= _elapsed, $"the clock is at {_elapsed.TotalMilliseconds} ms already");
        Clock.Advance(target - _elapsed);
        _elapsed = target;
    }

    /// <summary>
    /// Moves the clock to one tick before <paramref name="milliseconds"/> and checks the router did nothing on the way:
    /// no send, no held value and no drop. A timer that fell due on the way would have queued its flush ahead of the
    /// question the counters answer, so this is exact, not a wait.
    /// </summary>
    private void NothingBefore(double milliseconds)
    {
        (long, long, long, long) before = Activity();
        TimeSpan target = Ms(milliseconds) - OneTick;
        Clock.Advance(target - _elapsed);
        _elapsed = target;
        Assert.Equal(before, Activity());
    }

    /// <summary>What the router has done that a flush would change: routed, sent, held (coalesced) and dropped.</summary>
    private (long Routed, long Sent, long Held, long Dropped) Activity()
    {
        RouterCounters counters = Counters();
        return (counters.Routed, counters.Sent, counters.Coalesced, counters.TransformDrops);
    }

    /// <summary>The arguments of the next send to <paramref name="endpoint"/>, which must be to <paramref name="address"/>.</summary>
    private IReadOnlyList<OscArgument> Sent(string endpoint, string address)
    {
        SendMessage send = ExpectSend(endpoint);
        Assert.Equal(address, send.Address);
        return Args(send);
    }

    /// <summary>
    /// The arguments of a send the router makes with no new message, at exactly <paramref name="milliseconds"/>: nothing
    /// happens until one tick before, and at that instant it goes out to <paramref name="endpoint"/> at <paramref name="address"/>.
    /// </summary>
    private IReadOnlyList<OscArgument> SentAt(double milliseconds, string endpoint, string address)
    {
        NothingBefore(milliseconds);
        AdvanceTo(milliseconds);
        return Sent(endpoint, address);
    }

    private static void AssertFloat64(double expected, OscArgument actual)
    {
        Assert.Equal(OscType.Float64, actual.Type);
        Assert.Equal(expected, actual.AsFloat64(), 12);
    }

    [Fact]
    public void Scale_MultipliesThenAdds_AndEachNumberKeepsItsType()
    {
        StartRouter("""
            nethub.routes.percent {
              address = "/fader/{n}", to = ["td:/ch/{n}/percent"]
              transforms = [{ type = scale, factor = 100, offset = -50 }]
            }
            """, ["in", "td"]);

        // y = x * 100 - 50 on every number; the string is left alone. Twice: the first message takes the general path,
        // the second the plan the router learnt from it.
        for (int i = 0; i < 2; i++)
        {
            In("/fader/2", 0.25f, 3, 0.125, 5L, "ch");

            Assert.Equal(
                [OscArgument.Float32(-25f), OscArgument.Int32(250), OscArgument.Float64(-37.5), OscArgument.Int64(450), OscArgument.String("ch")],
                Sent("td", "/ch/2/percent"));
        }
    }

    [Fact]
    public void Map_Clamp_PlacesXInTheOutputRange_AndHoldsTheNearerEndOutsideIt()
    {
        StartRouter("""
            nethub.routes {
              db { address = "/fader/{n}", to = ["td:/ch/{n}/db"], transforms = [{ type = map, in = [0, 1], out = [-60, 6] }] }
              midi { address = "/cc/{n}", to = ["td:/out/cc/{n}"], transforms = [{ type = map, in = [0, 127], out = [0, 1], mode = clamp }] }
              upside-down { address = "/flip", to = ["td:/out/flip"], transforms = [{ type = map, in = [1, 0], out = [0, 100] }] }
            }
            """, ["in", "td"]);

        // y = c + (x - a) / (b - a) * (d - c), with (x - a) / (b - a) held to [0, 1] (clamp is the default mode).
        (float X, float Y)[] faders = [(0.5f, -27f), (0.25f, -43.5f), (1.5f, 6f), (-0.2f, -60f), (1f, 6f), (0f, -60f)];
        foreach ((float x, float y) in faders)
        {
            In("/fader/4", x);
            Assert.Equal([OscArgument.Float32(y)], Sent("td", "/ch/4/db"));
        }

        // An int stays an int, rounded half away from zero: 64/127 = 0.504 -> 1, 63/127 = 0.496 -> 0, 200 clamps to 1.
        (int X, int Y)[] controllers = [(64, 1), (63, 0), (200, 1), (-5, 0)];
        foreach ((int x, int y) in controllers)
        {
            In("/cc/7", x);
            Assert.Equal([OscArgument.Int32(y)], Sent("td", "/out/cc/7"));
        }

        // A range that runs backwards: 0.25 is three quarters of the way from 1 to 0.
        In("/flip", 0.25f);
        Assert.Equal([OscArgument.Float32(75f)], Sent("td", "/out/flip"));
    }

    [Fact]
    public void Map_Wrap_FoldsValuesBackIntoTheRange_AndNoneExtendsTheLine()
    {
        StartRouter("""
            nethub.routes {
              rotary { address = "/rotary", to = ["td:/angle"], transforms = [{ type = map, in = [0, 1], out = [0, 360], mode = wrap }] }
              line { address = "/line", to = ["td:/out/line"], transforms = [{ type = map, in = [0, 1], out = [0, 10], mode = none }] }
            }
            """, ["in", "td"]);

        // Wrap: t - floor(t). -0.25 of the way is 0.75 of the way; b itself (and 2b) maps to c.
        (float X, float Y)[] turns = [(0.25f, 90f), (1.25f, 90f), (-0.25f, 270f), (1f, 0f), (2f, 0f), (0.5f, 180f)];
        foreach ((float x, float y) in turns)
        {
            In("/rotary", x);
            Assert.Equal([OscArgument.Float32(y)], Sent("td", "/angle"));
        }

        (float X, float Y)[] points = [(1.5f, 15f), (-0.5f, -5f)];
        foreach ((float x, float y) in points)
        {
            In("/line", x);
            Assert.Equal([OscArgument.Float32(y)], Sent("td", "/out/line"));
        }
    }

    [Fact]
    public void Curve_EachShape_BendsTheValueWithinItsRange()
    {
        StartRouter("""
            nethub.routes {
              linear { address = "/linear", to = ["td:/out/linear"], transforms = [{ type = curve, shape = linear, range = [0, 100] }] }
              exp { address = "/exp", to = ["td:/out/exp"], transforms = [{ type = curve, shape = exp, base = 10 }] }
              log { address = "/log", to = ["td:/out/log"], transforms = [{ type = curve, shape = log, base = 10, range = [0, 100] }] }
              points { address = "/points", to = ["td:/out/points"], transforms = [{ type = curve, shape = breakpoints, breakpoints = [[0, 0], [0.5, 0.8], [1, 1]] }] }
            }
            """, ["in", "td"]);

        // y = a + f(t)(b - a), t the position of x in [a, b] clamped to [0, 1].
        static double Exp(double t) => (Math.Pow(10, t) - 1) / (10 - 1);
        static double Log(double t) => Math.Log(1 + ((10 - 1) * t)) / Math.Log(10);
        (string Shape, double X, double Y)[] cases =
        [
            ("linear", 25, 25), ("linear", 150, 100), ("linear", -5, 0),
            ("exp", 0.5, Exp(0.5)), ("exp", 0.1, Exp(0.1)), ("exp", 1, 1), ("exp", 0, 0), ("exp", 3, 1),
            ("log", 50, 100 * Log(0.5)), ("log", 10, 100 * Log(0.1)), ("log", -20, 0),
            ("points", 0.25, 0.4), ("points", 0.75, 0.9), ("points", 0.5, 0.8), ("points", -1, 0), ("points", 2, 1),
        ];

        foreach ((string shape, double x, double y) in cases)
        {
            In("/" + shape, x);
            AssertFloat64(y, Assert.Single(Sent("td", "/out/" + shape)));
        }

        // The documented examples: exp base 10 takes 0.5 to 0.240, log base 10 over [0, 100] takes 50 to 74.0.
        Assert.Equal(0.240, Exp(0.5), 3);
        Assert.Equal(74.0, 100 * Log(0.5), 1);
    }

    [Fact]
    public void Invert_MirrorsWithinItsRange_WithoutClamping()
    {
        StartRouter("""
            nethub.routes {
              unit { address = "/unit", to = ["td:/out/unit"], transforms = [{ type = invert }] }
              midi { address = "/midi", to = ["td:/out/midi"], transforms = [{ type = invert, range = [0, 127] }] }
            }
            """, ["in", "td"]);

        // y = a + b - x: [0, 1] by default.
        In("/unit", 0.2f, 1.5f);
        Assert.Equal([OscArgument.Float32((float)(0 + 1 - (double)0.2f)), OscArgument.Float32(-0.5f)], Sent("td", "/out/unit"));

        In("/midi", 27, 0.0);
        Assert.Equal([OscArgument.Int32(100), OscArgument.Float64(127)], Sent("td", "/out/midi"));
    }

    [Theory]
    [InlineData("size = 0.25", 0.3, 0.25)]
    [InlineData("size = 0.25", 0.4, 0.5)]
    [InlineData("size = 0.25", 0.375, 0.5)]                       // a half goes away from zero
    [InlineData("size = 0.25", -0.375, -0.5)]
    [InlineData("size = 0.25, mode = floor", 0.4, 0.25)]
    [InlineData("size = 0.25, mode = floor", -0.1, -0.25)]
    [InlineData("size = 0.25, mode = ceil", 0.3, 0.5)]
    [InlineData("size = 0.1, mode = floor", 0.3, 3 * 0.1)]        // within a billionth of a step: 0.3 is 3 steps, not 2
    [InlineData("steps = 4", 0.6, 0.5)]
    [InlineData("steps = 4, mode = floor", 0.6, 0.5)]
    [InlineData("steps = 4, mode = ceil", 0.6, 0.75)]
    [InlineData("steps = 4", 1.3, 1)]                             // clamped to the range
    [InlineData("steps = 4, mode = floor", -0.2, 0)]
    [InlineData("steps = 4, range = [1, 0], mode = floor", 0.6, 0.5)]   // backwards, floor is still the one below
    [InlineData("steps = 4, range = [1, 0], mode = ceil", 0.6, 0.75)]
    [InlineData("steps = 2, range = [-10, 10]", 6, 10)]
    public void Step_QuantisesBySizeOrSteps_InEachMode(string settings, double x, double expected)
    {
        StartRouter($$"""
            nethub.routes.q { address = "/q", to = ["td:/out/q"], transforms = [{ type = step, {{settings}} }] }
            """, ["in", "td"]);

        In("/q", x);

        AssertFloat64(expected, Assert.Single(Sent("td", "/out/q")));
    }

    [Fact]
    public void Step_AnIntStaysAnInt()
    {
        StartRouter("""nethub.routes.q { address = "/q", to = ["td:/out/q"], transforms = [{ type = step, size = 10, mode = ceil }] }""", ["in", "td"]);

        In("/q", 21, 30L, 0.5f);

        Assert.Equal([OscArgument.Int32(30), OscArgument.Int64(30), OscArgument.Float32(10f)], Sent("td", "/out/q"));
    }
}
