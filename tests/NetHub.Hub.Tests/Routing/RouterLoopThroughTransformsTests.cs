using System.Globalization;
using NetHub.Hub.Routing;
using NetHub.Osc;
using NetHub.Transports;
using Xunit.Abstractions;

namespace NetHub.Hub.Tests.Routing;

/// <summary>
/// Loops that run through transforms: each side sees a different message (a:/level 0.25 goes out as b:/percent 25),
/// so "not again out of an endpoint the same message went out of" never triggers. A message that came back from where
/// the router sent it is not sent on to a target that already holds its result.
/// </summary>
public sealed class RouterLoopThroughTransformsTests(ITestOutputHelper output) : RouterTestKit(output)
{
    private readonly ITestOutputHelper _output = output;

    private const string Mirrored = """
        nethub.routes {
          to-percent { from = [a], address = "/level", to = ["b:/percent"], transforms = [{ type = map, in = [0, 1], out = [0, 100] }] }
          to-level { from = [b], address = "/percent", to = ["a:/level"], transforms = [{ type = map, in = [0, 100], out = [0, 1] }] }
        }
        """;

    [Fact]
    public void BothDevicesEchoing_ThroughTransforms_IsCutAfterOneRound_AndLogged()
    {
        StartRouter(Mirrored, ["a", "b"]);

        // A stream first, so the loop below meets the fast path as well as the first message's general one.
        for (int i = 1; i <= 3; i++)
        {
            Router.Tell(Inbound("a", "/level", i / 10f));
            Assert.Equal(i * 10f, Args(ExpectSend("b", "/percent")).Single().AsFloat32(), 4);
        }

        Router.Tell(Inbound("a", "/level", 0.25f));
        float percent = Args(ExpectSend("b", "/percent")).Single().AsFloat32();
        Router.Tell(Inbound("b", "/percent", percent));   // b echoes what it got: a hears it once, as feedback
        float level = Args(ExpectSend("a", "/level")).Single().AsFloat32();
        Assert.Equal(0.25f, level, 5);
        Router.Tell(Inbound("a", "/level", level));   // and a echoes that: b already holds its result - a loop

        Assert.Equal(1, Counters().LoopsCut);
        Endpoints["b"].ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 3013
            && e.Message.Contains("route 'to-percent'", StringComparison.Ordinal)
            && e.Message.Contains("/percent to endpoint 'b'", StringComparison.Ordinal)
            && e.Message.Contains("/level from stage/a", StringComparison.Ordinal));

        // The fader moves on: news, routed as before.
        Router.Tell(Inbound("a", "/level", 0.5f));
        Assert.Equal(50f, Args(ExpectSend("b", "/percent")).Single().AsFloat32(), 4);
    }

    [Fact]
    public void RoutesTheFastPathDoesNotTake_AreCutTheSameWay()
    {
        // The latest-value lane keeps these routes on the general path.
        StartRouter(Mirrored.Replace("transforms", "lane = latest-value, transforms", StringComparison.Ordinal), ["a", "b"]);

        for (int i = 1; i <= 3; i++)
        {
            Router.Tell(Inbound("a", "/level", i / 4f));
            Router.Tell(Inbound("b", "/percent", Args(ExpectSend("b", "/percent")).Single().AsFloat32()));
            Router.Tell(Inbound("a", "/level", Args(ExpectSend("a", "/level")).Single().AsFloat32()));
            Assert.Equal(i, Counters().LoopsCut);
        }

        Endpoints["b"].ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 3013 && e.Message.Contains("route 'to-percent'", StringComparison.Ordinal));
    }

    [Fact]
    public void FeedbackToADeviceThatDoesNotEcho_StillFlows_AndAValueMovedBackTo_IsRouted()
    {
        StartRouter(Mirrored, ["a", "b"]);

        foreach (float value in new[] { 0.2f, 0.4f, 0.2f, 0.4f, 0.2f })
        {
            // The surface on a moves its fader; the mixer on b echoes; the surface gets the echo as feedback.
            Router.Tell(Inbound("a", "/level", value));
            float percent = Args(ExpectSend("b", "/percent")).Single().AsFloat32();
            Assert.Equal(value * 100, percent, 4);
            Router.Tell(Inbound("b", "/percent", percent));
            Assert.Equal(value, Args(ExpectSend("a", "/level")).Single().AsFloat32(), 5);
        }

        // Moving back to a value the surface was sent as feedback a moment ago is a move: b holds another value.
        Assert.Equal(0, Counters().LoopsCut);
    }

    [Fact]
    public void APushPressedAgainAfterItsRelease_IsRouted_ButARepeatToWhereItAlreadyIs_IsNot()
    {
        StartRouter("""
            nethub.routes {
              press { from = [a], address = "/push", to = ["b:/go"] }
              lamp { from = [b], address = "/go", to = ["a:/push"] }
            }
            """, ["a", "b"]);

        foreach (int state in new[] { 1, 0, 1 })
        {
            Router.Tell(Inbound("a", "/push", state));
            Assert.Equal(state, Args(ExpectSend("b", "/go")).Single().AsInt32());
            Router.Tell(Inbound("b", "/go", state));   // b lights its lamp and echoes
            Assert.Equal(state, Args(ExpectSend("a", "/push")).Single().AsInt32());
        }

        Assert.Equal(0, Counters().LoopsCut);

        Router.Tell(Inbound("a", "/push", 1));   // a echoes the lamp's feedback: b holds 1 already
        Assert.Equal(1, Counters().LoopsCut);
        Endpoints["b"].ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void AfterTheWindow_AnEchoIsNoLongerTakenForOne()
    {
        StartRouter(Mirrored, ["a", "b"]);

        Router.Tell(Inbound("a", "/level", 0.25f));
        Router.Tell(Inbound("b", "/percent", Args(ExpectSend("b", "/percent")).Single().AsFloat32()));
        float level = Args(ExpectSend("a", "/level")).Single().AsFloat32();

        Clock.Advance(TimeSpan.FromSeconds(2));
        Router.Tell(Inbound("a", "/level", level));

        Assert.Equal(25f, Args(ExpectSend("b", "/percent")).Single().AsFloat32(), 4);
        Assert.Equal(0, Counters().LoopsCut);
    }

    [Fact]
    public void AMapAndItsInverse_WithBothEndsEchoing_AreCutWithinTwoRounds_ForEveryValueAndRange()
    {
        // Six pairs of routes, each a map one way and its inverse back, with ranges whose float arithmetic does not
        // round-trip exactly: the values only settle after a round or two, and the cut must still come.
        var random = new Random(20261122);
        var ranges = new (double InLow, double InHigh, double OutLow, double OutHigh)[6];
        var show = new System.Text.StringBuilder("nethub.routes {\n");
        for (int k = 0; k < ranges.Length; k++)
        {
            double inLow = Math.Round((random.NextDouble() * 20) - 10, 3);
            double outLow = Math.Round((random.NextDouble() * 2000) - 1000, 3);
            ranges[k] = (inLow, inLow + Math.Round(0.1 + (random.NextDouble() * 30), 3), outLow, outLow + Math.Round(0.01 + (random.NextDouble() * 500), 3));
            (double il, double ih, double ol, double oh) = ranges[k];
            show.Append(CultureInfo.InvariantCulture, $$"""
                  there{{k}} { from = [a], address = "/l{{k}}", to = ["b:/p{{k}}"], transforms = [{ type = map, in = [{{il}}, {{ih}}], out = [{{ol}}, {{oh}}] }] }
                  back{{k}} { from = [b], address = "/p{{k}}", to = ["a:/l{{k}}"], transforms = [{ type = map, in = [{{ol}}, {{oh}}], out = [{{il}}, {{ih}}] }] }

                """);
        }

        StartRouter(show.Append('}').ToString(), ["a", "b"]);
        var roundsNeeded = new int[4];
        long cut = 0;
        for (int n = 0; n < 240; n++)
        {
            int k = n % ranges.Length;
            float value = (float)(ranges[k].InLow + (random.NextDouble() * (ranges[k].InHigh - ranges[k].InLow)));
            Router.Tell(Inbound("a", $"/l{k}", value));
            SendMessage sent = ExpectSend("b", $"/p{k}");

            // Both devices echo: hand each send back until the router stops; a round is there and back.
            int hops = 0;
            while (true)
            {
                Assert.True(hops < 8, $"the value {value.ToString("R", CultureInfo.InvariantCulture)} on pair {k} still went round after {hops} hops");
                string from = sent.Message.Address.StartsWith("/p", StringComparison.Ordinal) ? "b" : "a";
                Router.Tell(Inbound(from, sent.Message.Address, Args(sent).Single()));
                hops++;
                if (Counters().LoopsCut > cut)
                {
                    cut++;
                    break;
                }

                sent = ExpectSend(from == "b" ? "a" : "b");
            }

            roundsNeeded[Math.Min(3, (hops + 1) / 2)]++;
            Clock.Advance(TimeSpan.FromSeconds(2));   // each value starts afresh
        }

        _output.WriteLine($"cut after 1 round: {roundsNeeded[1]}, 2 rounds: {roundsNeeded[2]}, more: {roundsNeeded[3]}");
        Assert.Equal(0, roundsNeeded[3]);
        Endpoints["a"].ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Endpoints["b"].ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }
}
