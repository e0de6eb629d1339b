using Microsoft.Extensions.Logging;
using NetHub.Hub.Routing;
using NetHub.Osc;
using NetHub.TestKit;

namespace NetHub.Hub.Tests.Routing;

/// <summary>
/// What a route remembers is per route and per address: two faders through one smoothed or rate-limited route, or
/// two routes that take one address, do not share state or timers. And a message a transform cannot take is dropped,
/// counted and logged with the reason, and the stream goes on.
/// </summary>
public sealed partial class RouterTransformTests
{
    [Fact]
    public void Smooth_TwoFadersThroughOneRoute_EachHasItsOwnStateAndSettleTimer()
    {
        StartRouter(LagWithSettle, ["in", "td"]);

        In("/fader/1", 0.0);
        AssertFloat64(0, Assert.Single(Sent("td", "/ch/1")));
        In("/fader/2", 1.0);
        AssertFloat64(1, Assert.Single(Sent("td", "/ch/2")));

        // Fader 1 goes up at 100 ms, fader 2 down at 150 ms: each from its own last value and time.
        AdvanceTo(100);
        In("/fader/1", 1.0);
        double one = Lag(0, 1, 0.1, 0.1);
        AssertFloat64(one, Assert.Single(Sent("td", "/ch/1")));
        AdvanceTo(150);
        In("/fader/2", 0.0);
        double two = Lag(1, 0, 0.15, 0.1);
        AssertFloat64(two, Assert.Single(Sent("td", "/ch/2")));

        // And each settles on its own timer, 100 ms after its own last step.
        for (int step = 1; step <= 3; step++)
        {
            one = Lag(one, 1, 0.1, 0.1);
            AssertFloat64(one, Assert.Single(SentAt(100 + (100 * step), "td", "/ch/1")));
            two = Lag(two, 0, 0.1, 0.1);
            AssertFloat64(two, Assert.Single(SentAt(150 + (100 * step), "td", "/ch/2")));
        }
    }

    [Fact]
    public void RateLimit_TwoFadersThroughOneRoute_AreLimitedEachOnItsOwn()
    {
        StartRouter("""
            nethub.routes.slow { address = "/fader/{n}", to = ["td:/ch/{n}"], transforms = [{ type = rate-limit, max-rate = 10 }] }
            """, ["in", "td"]);

        In("/fader/1", 1);
        Assert.Equal([OscArgument.Int32(1)], Sent("td", "/ch/1"));
        AdvanceTo(30);
        In("/fader/2", 2);                                   // fader 1's interval does not hold fader 2
        Assert.Equal([OscArgument.Int32(2)], Sent("td", "/ch/2"));

        AdvanceTo(40);
        In("/fader/1", 3);
        In("/fader/2", 4);

        Assert.Equal([OscArgument.Int32(3)], SentAt(100, "td", "/ch/1"));
        Assert.Equal([OscArgument.Int32(4)], SentAt(130, "td", "/ch/2"));
        NothingBefore(1_000);
        Endpoints["td"].ExpectNoMsg();
    }

    [Fact]
    public void RateLimit_TwoRoutesThatTakeOneAddress_EachHoldAndFlushTheirOwn()
    {
        StartRouter("""
            nethub.routes {
              fast { address = "/x", to = ["td:/fast"], transforms = [{ type = rate-limit, max-rate = 10 }] }
              slow { address = "/x", to = ["td:/slow"], transforms = [{ type = rate-limit, max-rate = 4 }] }
            }
            """, ["in", "td"]);

        In("/x", 1);
        Assert.Equal([OscArgument.Int32(1)], Sent("td", "/fast"));
        Assert.Equal([OscArgument.Int32(1)], Sent("td", "/slow"));

        AdvanceTo(10);
        In("/x", 2);
        AdvanceTo(20);
        In("/x", 3);

        // 10 a second: due at 100 ms; 4 a second: at 250 ms. Each route's timer sends its own held value.
        Assert.Equal([OscArgument.Int32(3)], SentAt(100, "td", "/fast"));
        Assert.Equal([OscArgument.Int32(3)], SentAt(250, "td", "/slow"));
        NothingBefore(1_000);
        Endpoints["td"].ExpectNoMsg();
        Assert.Equal(4, Counters().Coalesced);
    }

    [Theory]
    [InlineData("{ type = map, in = [0, 1], out = [0, 10] }", float.NaN, 0.5f, 5f, "map: not a finite number (NaN) at argument 0")]
    [InlineData("{ type = map, in = [0, 1], out = [0, 1e39] }", 1f, 0f, 0f, "map: result 1E+39 does not fit Float32 at argument 0")]
    [InlineData("{ type = smooth, method = lag, time = 100ms }", double.PositiveInfinity, 0.5, 0.5, "smooth: not a finite number (Infinity) at argument 0")]
    [InlineData("{ type = scale, factor = 2, args = [0] }", "loud", 2, 4, "scale: not a number: 's' at argument 0")]
    [InlineData("{ type = convert, to = int }", "abc", "12", 12, "convert to int: not a number: 's' \"abc\" at argument 0")]
    [InlineData("{ type = convert, to = float }", 1e300, 0.25, 0.25f, "convert to float: 'd' 1E+300 does not fit Float32 at argument 0")]
    [InlineData("{ type = template, args = [\"$0\", \"ch{n}\"] }", null, 5, null, "template: $0 but the message has no arguments")]
    public void ATransformThatCannotTakeAMessage_DropsIt_CountsAndLogsWhy_AndTheStreamGoesOn(string transform, object? bad, object good, object? expected, string reason)
    {
        StartRouter($$"""nethub.routes.r { address = "/in/{n}", to = ["td:/out/{n}"], transforms = [{{transform}}] }""", ["in", "td"]);
        OscArgument[] goodArguments = [Argument(good)];
        OscArgument[] expectedArguments = expected is null ? [Argument(good), OscArgument.String("ch7")] : [Argument(expected)];

        // Good, bad, good: what the router sends is the two good ones. (A map route's second message takes the fast
        // path, which hands the bad one back to the general path to be dropped.)
        In("/in/7", goodArguments);
        Assert.Equal(expectedArguments, Sent("td", "/out/7"));
        In("/in/7", bad is null ? [] : [Argument(bad)]);
        In("/in/7", goodArguments);
        Assert.Equal(expectedArguments, Sent("td", "/out/7"));

        Endpoints["td"].ExpectNoMsg();
        RouterCounters counters = Counters();
        Assert.Equal((3L, 2L, 2L, 1L), (counters.Inbound, counters.Routed, counters.Sent, counters.TransformDrops));
        LogEntry logged = Assert.Single(Logs.Entries, e => e.EventId.Id == 3015);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Equal($"Route 'r' dropped /in/7 from stage/in <- 10.0.0.7:9000: {reason}", logged.Message);
    }

    [Fact]
    public void ATemplateWithACaptureTheRouteDoesNotHave_DropsEveryMessage_NamingTheCapturesItHas()
    {
        StartRouter("""
            nethub.routes.r { address = "/1/fader{n}", to = ["td:/layer"], transforms = [{ type = template, args = ["layer{m}", "$0"] }] }
            """, ["in", "td"]);

        In("/1/fader3", 0.5f);
        In("/1/fader4", 0.5f);

        Endpoints["td"].ExpectNoMsg();
        Assert.Equal(2, Counters().TransformDrops);
        Assert.Equal(
            ["Route 'r' dropped /1/fader3 from stage/in <- 10.0.0.7:9000: template: no capture named {m} in this route's match (captures: {1}, {n})",
             "Route 'r' dropped /1/fader4 from stage/in <- 10.0.0.7:9000: template: no capture named {m} in this route's match (captures: {1}, {n})"],
            Logs.Entries.Where(e => e.EventId.Id == 3015 && e.Level == LogLevel.Warning).Select(e => e.Message));
    }

    [Fact]
    public void ADroppedValue_LeavesTheSmoothersStateAsItWas()
    {
        StartRouter("""
            nethub.routes.lag { address = "/fader/{n}", to = ["td:/ch/{n}"], transforms = [{ type = smooth, method = lag, time = 100ms }] }
            """, ["in", "td"]);

        In("/fader/1", 0f);
        Assert.Equal([OscArgument.Float32(0f)], Sent("td", "/ch/1"));
        AdvanceTo(50);
        In("/fader/1", float.NaN);

        // Smoothed from 0 at 0 ms over the whole 100 ms, as if the NaN had never come.
        AdvanceTo(100);
        In("/fader/1", 1f);
        OscArgument sent = Assert.Single(Sent("td", "/ch/1"));
        Assert.Equal(OscType.Float32, sent.Type);
        Assert.Equal(Lag(0, 1, 0.1, 0.1), sent.AsFloat32(), 6);
        Assert.Equal(1, Counters().TransformDrops);
    }

    private static OscArgument Argument(object value) => value switch
    {
        float f => OscArgument.Float32(f),
        double d => OscArgument.Float64(d),
        int i => OscArgument.Int32(i),
        string s => OscArgument.String(s),
        _ => throw new ArgumentException($"no OSC argument for {value.GetType().Name}", nameof(value)),
    };
}
