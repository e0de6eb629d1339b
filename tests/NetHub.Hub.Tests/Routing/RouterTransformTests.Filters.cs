using Microsoft.Extensions.Logging;
using NetHub.Hub.Routing;
using NetHub.Osc;

namespace NetHub.Hub.Tests.Routing;

/// <summary>The repetition filter, type conversion, templates, and a chain of several stages, through the router.</summary>
public sealed partial class RouterTransformTests
{
    [Fact]
    public void RepetitionFilter_DropsWhatEqualsTheLastValueLetThrough_TypesIncluded()
    {
        StartRouter("""nethub.routes.once { address = "/state", to = ["td:/out/state"], transforms = [{ type = repetition-filter }] }""", ["in", "td"]);

        // (arguments, whether they go through). Sent on to another address: a message equal to one the router sent
        // within the loop window would be taken for it coming back (routing.md), which is not what this test is about.
        (OscArgument[] Arguments, bool Passes)[] messages =
        [
            ([1], true), ([1], false), ([2], true), ([2], false), ([1], true),
            ([1f], true),                         // the same number as a float is another value
            (["a", "b"], true), (["a", "b"], false), (["a"], true), ([], true), ([], false),
        ];
        foreach ((OscArgument[] arguments, bool passes) in messages)
        {
            In("/state", arguments);
            if (passes)
            {
                Assert.Equal(arguments, Sent("td", "/out/state"));
            }
        }

        Endpoints["td"].ExpectNoMsg();
        RouterCounters counters = Counters();
        Assert.Equal((11L, 7L, 7L, 4L), (counters.Inbound, counters.Routed, counters.Sent, counters.TransformDrops));

        // A filter doing its job is noted at Debug with the reason, not warned about.
        Assert.Equal(4, Logs.Count(e => e.EventId.Id == 3015 && e.Level == LogLevel.Debug && e.Message.EndsWith(": repeated value", StringComparison.Ordinal)));
        Assert.DoesNotContain(Logs.Entries, e => e.EventId.Id == 3015 && e.Level > LogLevel.Debug);
    }

    [Fact]
    public void RepetitionFilter_WithTolerance_ComparesWithWhatItLetThrough_NotWithEveryMessage()
    {
        StartRouter("""nethub.routes.level { address = "/level", to = ["td:/out/level"], transforms = [{ type = repetition-filter, tolerance = 0.05 }] }""", ["in", "td"]);

        // 0.52 and 0.54 are within 0.05 of 0.5; 0.56 is not, and becomes what later values are measured from.
        (float Value, bool Passes)[] drift = [(0.5f, true), (0.52f, false), (0.54f, false), (0.56f, true), (0.52f, false), (0.62f, true)];
        foreach ((float value, bool passes) in drift)
        {
            In("/level", value);
            if (passes)
            {
                Assert.Equal([OscArgument.Float32(value)], Sent("td", "/out/level"));
            }
        }

        Endpoints["td"].ExpectNoMsg();
        Assert.Equal(3, Counters().TransformDrops);
    }

    [Fact]
    public void Convert_ToEachType_AsTheDocsSay()
    {
        StartRouter("""
            nethub.routes {
              int { address = "/to/int", to = ["td:/int"], transforms = [{ type = convert, to = int }] }
              float { address = "/to/float", to = ["td:/float"], transforms = [{ type = convert, to = float }] }
              double { address = "/to/double", to = ["td:/double"], transforms = [{ type = convert, to = double }] }
              string { address = "/to/string", to = ["td:/string"], transforms = [{ type = convert, to = string }] }
              bool { address = "/to/bool", to = ["td:/bool"], transforms = [{ type = convert, to = bool }] }
              first { address = "/to/first", to = ["td:/first"], transforms = [{ type = convert, to = int, args = [0] }] }
            }
            """, ["in", "td"]);

        // To a number: rounded half away from zero, or widened; true/false are 1/0; text parsed in the invariant culture.
        In("/to/int", 3.6f, -2.5f, 7.5, 9L, " 12 ", true, false);
        Assert.Equal([OscArgument.Int32(4), OscArgument.Int32(-3), OscArgument.Int32(8), OscArgument.Int32(9), OscArgument.Int32(12), OscArgument.Int32(1), OscArgument.Int32(0)], Sent("td", "/int"));

        In("/to/float", 64, "0.5", 0.1, true);
        Assert.Equal([OscArgument.Float32(64f), OscArgument.Float32(0.5f), OscArgument.Float32((float)0.1), OscArgument.Float32(1f)], Sent("td", "/float"));

        In("/to/double", 0.1f, 3, "1e3", false);
        Assert.Equal([OscArgument.Float64(0.1f), OscArgument.Float64(3), OscArgument.Float64(1000), OscArgument.Float64(0)], Sent("td", "/double"));

        // To a string: the plain text, numbers shortest and invariant.
        In("/to/string", 0.25f, -3, true, 1.5, "as is", OscArgument.Nil);
        Assert.Equal(
            [OscArgument.String("0.25"), OscArgument.String("-3"), OscArgument.String("true"), OscArgument.String("1.5"), OscArgument.String("as is"), OscArgument.String("null")],
            Sent("td", "/string"));

        // To a bool: 0, false, nil, "", false/no/off in any case and "0" are F; everything else T.
        In("/to/bool", 0, 0.5f, "off", "No", "FALSE", string.Empty, "0", OscArgument.Nil, false, "yes", 2L, true);
        Assert.Equal(
            [
                OscArgument.False, OscArgument.True, OscArgument.False, OscArgument.False, OscArgument.False, OscArgument.False, OscArgument.False,
                OscArgument.False, OscArgument.False, OscArgument.True, OscArgument.True, OscArgument.True,
            ],
            Sent("td", "/bool"));

        // args: only the listed indices.
        In("/to/first", "3", "keep", 2.5f);
        Assert.Equal([OscArgument.Int32(3), OscArgument.String("keep"), OscArgument.Float32(2.5f)], Sent("td", "/first"));

        Assert.Equal(0, Counters().TransformDrops);
    }

    [Fact]
    public void Template_BuildsTheArguments_FromInputsCapturesAndLiterals()
    {
        StartRouter("""
            nethub.routes {
              layers {
                address = "/1/fader{n}", to = ["res:/composition/layer"]
                transforms = [{ type = template, args = ["{n}", "$0", "layer{n}", "{1}", 1, 2.5, 1.0, 1e3, true, null, "plain", "{}"] }]
              }
              select {
                address = "/2/fader{n}", to = ["res:/layer/{n}/select"]
                transforms = [{ type = template, args = ["{n}", "$1", "$0"] }, { type = convert, to = int, args = [0] }]
              }
            }
            """, ["in", "res"]);

        // TouchOSC /1/fader3 0.5 -> 3 0.5 "layer3": the named capture, the input with its type, text around a capture,
        // the whole part by position, then literals as written (whole numbers int32; with a fraction or an exponent
        // float32, even when written whole, and with a null in the list too).
        In("/1/fader3", 0.5f);
        Assert.Equal(
            [
                OscArgument.String("3"), OscArgument.Float32(0.5f), OscArgument.String("layer3"), OscArgument.String("fader3"), OscArgument.Int32(1),
                OscArgument.Float32(2.5f), OscArgument.Float32(1f), OscArgument.Float32(1000f), OscArgument.True, OscArgument.Nil, OscArgument.String("plain"),
                OscArgument.String("{}"),
            ],
            Sent("res", "/composition/layer"));

        // Reordered, and the captured text converted to an int by the next stage.
        In("/2/fader12", 0.25f, "x");
        Assert.Equal([OscArgument.Int32(12), OscArgument.String("x"), OscArgument.Float32(0.25f)], Sent("res", "/layer/12/select"));
    }

    [Fact]
    public void AChainOfStages_RunsInOrder_AndWhatFollowsARateLimitRunsOnlyOnWhatPasses()
    {
        StartRouter("""
            nethub.routes.send {
              address = "/midi/cc{n}", to = ["td:/fx/{n}/mix"]
              transforms = [
                { type = convert, to = float }
                { type = map, in = [0, 127], out = [0, 1] }
                { type = curve, shape = exp, base = 10 }
                { type = scale, factor = 100 }
                { type = step, size = 1 }
                { type = rate-limit, max-rate = 10 }
                { type = repetition-filter }
                { type = template, args = ["{n}", "$0"] }
                { type = convert, to = int, args = [0] }
              ]
            }
            """, ["in", "td"]);

        // Each stage in turn, as float32 after each: to float, map, exp curve, x100, then to whole steps.
        static float Percent(int cc)
        {
            float x = cc;
            float t = (float)((x - 0) / (127.0 - 0) * (1 - 0));
            float curved = (float)((Math.Pow(10, t) - 1) / (10 - 1));
            float scaled = (float)(curved * 100.0);
            return (float)Math.Round(scaled, MidpointRounding.AwayFromZero);
        }

        Assert.Equal((24f, 25f, 57f, 100f), (Percent(64), Percent(65), Percent(100), Percent(127)));

        In("/midi/cc7", 64);
        Assert.Equal([OscArgument.Int32(7), OscArgument.Float32(Percent(64))], Sent("td", "/fx/7/mix"));

        // Held within the interval; the newer 64 replaces 65...
        AdvanceTo(10);
        In("/midi/cc7", 65);
        AdvanceTo(20);
        In("/midi/cc7", 64);

        // ...and leaves at 100 ms into the repetition filter, which has just let 24 through: dropped there.
        NothingBefore(100);
        AdvanceTo(100);
        Assert.Equal((1L, 1L, 2L, 1L), Activity());

        // The rate limit let it pass at 100, so the next value waits for 200.
        AdvanceTo(150);
        In("/midi/cc7", 100);
        Assert.Equal([OscArgument.Int32(7), OscArgument.Float32(Percent(100))], SentAt(200, "td", "/fx/7/mix"));

        AdvanceTo(400);
        In("/midi/cc7", 127);
        Assert.Equal([OscArgument.Int32(7), OscArgument.Float32(Percent(127))], Sent("td", "/fx/7/mix"));

        Endpoints["td"].ExpectNoMsg();
        RouterCounters counters = Counters();
        Assert.Equal((5L, 3L, 3L, 3L, 1L), (counters.Inbound, counters.Routed, counters.Sent, counters.Coalesced, counters.TransformDrops));
    }
}
