using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Hub.History;
using NetHub.Hub.Routing;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.TestKit;
using NetHub.Transports;
using Xunit.Abstractions;

namespace NetHub.Hub.Tests.Routing;

public sealed class RouterTests(ITestOutputHelper output) : RouterTestKit(output)
{
    [Fact]
    public void Settings_RunOnReceiveThreads_IsOnByDefault_AndCanBeTurnedOff()
    {
        Assert.True(Settings("", "a").RunsOnReceiveThreads);
        Assert.False(Settings("nethub.router.run-on-receive-threads = off", "a").RunsOnReceiveThreads);
        ConfigException wrong = Assert.ThrowsAny<ConfigException>(() => Settings("nethub.router.run-on-receive-threads = sometimes", "a"));
        Assert.Contains("run-on-receive-threads", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_RewritesTheAddressWithANamedCapture()
    {
        StartRouter("""nethub.routes.faders { from = [tablet], address = "/fader/{n}", to = ["td:/mixer/ch/{n}/gain"] }""", ["tablet", "td"]);

        Router.Tell(Inbound("tablet", "/fader/12", 0.5f));

        SendMessage sent = ExpectSend("td");
        Assert.Equal("/mixer/ch/12/gain", sent.Message.Address);
        Assert.Equal([OscArgument.Float32(0.5f)], Args(sent));
        Assert.Null(sent.To);
    }

    [Fact]
    public void Stream_EverySendArrivesOnce_InOrder_WhateverRunsTheRouterHandlesItIn()
    {
        StartRouter("""
            nethub.routes.faders {
              from = [tablet], address = "/1/fader{n}", to = ["td:/mixer/ch/{n}/gain", "lights:/ch/{n}"]
              transforms = [{ type = map, in = [0, 1], out = [0, 100] }]
            }
            """, ["tablet", "td", "lights"]);

        // Told back to back, these are handled in runs; each run's sends reach an endpoint as one batch.
        for (int i = 0; i < 200; i++)
        {
            Router.Tell(Inbound("tablet", $"/1/fader{i % 4}", i / 200f));
        }

        foreach ((string endpoint, string address) in new[] { ("td", "/mixer/ch/{0}/gain"), ("lights", "/ch/{0}") })
        {
            for (int i = 0; i < 200; i++)
            {
                SendMessage sent = ExpectSend(endpoint);
                Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, i % 4), sent.Message.Address);
                Assert.Equal(i / 2f, Args(sent).Single().AsFloat32(), 3);
            }
        }

        Assert.Equal(400, Counters().Sent);
        Endpoints["td"].ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Route_CapturesPartOfAPart_AsTouchOscAddressesNeed()
    {
        StartRouter("""nethub.routes.faders { address = "/1/fader{n}", to = ["td:/layer/{n}/opacity", "lights:/ch/{1}"] }""", ["tablet", "td", "lights"]);

        Router.Tell(Inbound("tablet", "/1/fader3", 1f));

        Assert.Equal("/layer/3/opacity", ExpectSend("td").Message.Address);
        Assert.Equal("/ch/fader3", ExpectSend("lights").Message.Address);
    }

    [Fact]
    public void Route_PathWildcard_AndFromFilter()
    {
        StartRouter("""nethub.routes.all { from = [tablet], address = "//go", to = [td] }""", ["tablet", "desk", "td"]);

        Router.Tell(Inbound("desk", "/cue/go"));
        Router.Tell(Inbound("tablet", "/cue/go"));
        Router.Tell(Inbound("tablet", "/cue/stop"));

        Assert.Equal("/cue/go", ExpectSend("td").Message.Address);
        Endpoints["td"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, Counters().Routed);
    }

    [Fact]
    public void Routes_ThatTakeTheSameAddress_RunInTheOrderTheShowDeclaresThem()
    {
        const string show = """
            nethub.routes {
              zulu { address = "/x", to = ["td:/from/zulu"] }
              alpha { address = "/*", to = ["td:/from/alpha"] }
              mike { address = "//x", to = ["td:/from/mike"] }
            }
            """;
        StartRouter(show, ["tablet", "td"]);
        string[] declared = [.. Settings(show, "tablet", "td").Routes.Select(r => "/from/" + r.Name)];

        Router.Tell(Inbound("tablet", "/x", 1));
        Router.Tell(Inbound("tablet", "/x", 2));   // the second time the address is known: same order

        foreach (int value in new[] { 1, 2 })
        {
            foreach (string address in declared)
            {
                Assert.Equal(value, Args(ExpectSend("td", address)).Single().AsInt32());
            }
        }
    }

    /// <summary>One route: /f/{n} from any endpoint to td's /ch/{n}, the value doubled.</summary>
    private const string DoublingRoute = """
        nethub.routes.gain {
          address = "/f/{n}", to = ["td:/ch/{n}"]
          transforms = [{ type = scale, factor = 2 }]
        }
        """;

    [Fact]
    public void ARecurringAddressObject_IsRoutedByItsOwnPlan_BetweenOthers()
    {
        // Endpoints pass one string per recurring address; the router finds the last one's plan by reference, which
        // must never answer for another address.
        StartRouter(DoublingRoute, ["tablet", "td"]);
        string first = string.Concat("/f/", "1");
        string second = string.Concat("/f/", "2");

        foreach ((string address, int value) in new[] { (first, 1), (first, 2), (second, 3), (first, 4), ("/f/1", 5), (second, 6) })
        {
            Router.Tell(Inbound("tablet", address, value));
        }

        foreach ((string target, int value) in new[] { ("/ch/1", 2), ("/ch/1", 4), ("/ch/2", 6), ("/ch/1", 8), ("/ch/1", 10), ("/ch/2", 12) })
        {
            SendMessage send = ExpectSend("td");
            Assert.Equal(target, send.Message.Address);
            Assert.Equal(value, Args(send).Single().AsInt32());
        }
    }

    [Fact]
    public void AddressMemory_IsBounded_AndRoutingGoesOnWhenItStartsAfresh()
    {
        StartRouter(DoublingRoute, ["tablet", "td"]);

        // One more distinct address than the router remembers: the memory (and the transforms' state) starts afresh, once.
        const int addresses = 10_001;
        for (int i = 0; i < addresses; i++)
        {
            Router.Tell(Inbound("tablet", $"/f/{i}", i));
        }

        Router.Tell(Inbound("tablet", "/f/0", 21));

        RouterCounters counters = Counters();
        Assert.Equal(addresses + 1, counters.Routed);
        Assert.Equal(1, counters.Failures["TransformStates"]);
        for (int i = 0; i < addresses; i++)
        {
            Assert.Equal(2 * i, Args(ExpectSend("td", $"/ch/{i}")).Single().AsInt32());
        }

        Assert.Equal(42, Args(ExpectSend("td", "/ch/0")).Single().AsInt32());
    }

    [Fact]
    public void Echo_AMessageDoesNotGoBackWhereItCameFrom_UnlessTheRouteSaysSo()
    {
        StartRouter("""
            nethub.routes {
              mirror { address = "/sync/*", to = [a, b] }
              loopback { address = "/echo", to = [a], echo = on }
            }
            """, ["a", "b"]);

        Router.Tell(Inbound("a", "/sync/x", 1));
        Router.Tell(Inbound("a", "/echo", 2));

        Assert.Equal("/sync/x", ExpectSend("b").Message.Address);
        Assert.Equal("/echo", ExpectSend("a").Message.Address);
        Endpoints["a"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, Counters().EchoSuppressed);
    }

    [Fact]
    public void Loop_AMessageThatComesBackAndWouldGoOutAgain_IsCutAndLogged()
    {
        StartRouter("""
            nethub.routes {
              ab { from = [a], address = "/x", to = [b] }
              ba { from = [b], address = "/x", to = [a] }
            }
            """, ["a", "b"]);

        Router.Tell(Inbound("a", "/x", 7));
        ExpectSend("b");
        Router.Tell(Inbound("b", "/x", 7));   // b's device echoed it: a has not had it, so it goes on once
        ExpectSend("a");
        Router.Tell(Inbound("a", "/x", 7));   // and a echoed it too: b already had it - a loop

        Endpoints["b"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, Counters().LoopsCut);
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 3010 && e.Message.Contains("route 'ab'", StringComparison.Ordinal) && e.Message.Contains("endpoint 'b'", StringComparison.Ordinal));

        Clock.Advance(TimeSpan.FromSeconds(2));   // outside the loop window the same value is news again
        Router.Tell(Inbound("a", "/x", 7));
        ExpectSend("b");
    }

    [Fact]
    public void Loop_ADifferentValue_IsNotALoop()
    {
        StartRouter("""nethub.routes { ab { from = [a], address = "/x", to = [b] }, ba { from = [b], address = "/x", to = [a] } }""", ["a", "b"]);

        Router.Tell(Inbound("a", "/x", 1));
        ExpectSend("b");
        Router.Tell(Inbound("a", "/x", 2));
        Assert.Equal([OscArgument.Int32(2)], Args(ExpectSend("b")));
        Assert.Equal(0, Counters().LoopsCut);
    }

    [Fact]
    public void Transforms_RunBeforeSending()
    {
        StartRouter("""
            nethub.routes.gain {
              address = "/fader/{n}", to = ["td:/ch/{n}/db"]
              transforms = [{ type = map, in = [0, 1], out = [-60, 6], mode = clamp }]
            }
            """, ["tablet", "td"]);

        Router.Tell(Inbound("tablet", "/fader/1", 0.5f));
        Router.Tell(Inbound("tablet", "/fader/1", 2f));

        Assert.Equal(-27f, Args(ExpectSend("td")).Single().AsFloat32(), 3);
        Assert.Equal(6f, Args(ExpectSend("td")).Single().AsFloat32(), 3);
    }

    [Fact]
    public void RateLimit_HoldsTheLatestValue_AndSendsItWhenDue()
    {
        StartRouter("""
            nethub.routes.slow { address = "/x", to = [td], transforms = [{ type = rate-limit, max-rate = 10 }] }
            """, ["in", "td"]);

        Router.Tell(Inbound("in", "/x", 1));
        Assert.Equal(1, Args(ExpectSend("td")).Single().AsInt32());
        Router.Tell(Inbound("in", "/x", 2));
        Router.Tell(Inbound("in", "/x", 3));
        Endpoints["td"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        AwaitCondition(() => Counters().Coalesced == 2);
        Clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(3, Args(ExpectSend("td")).Single().AsInt32());
        Endpoints["td"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void LatestValueLane_DeliversTheLastValue_InOrder_NeverAStaleOne()
    {
        StartRouter("""nethub.routes.f { address = "/f", to = [td], lane = latest-value }""", ["tablet", "td"]);

        for (int i = 1; i <= 500; i++)
        {
            Router.Tell(Inbound("tablet", "/f", i));
        }

        var values = new List<int>();
        while (values.Count == 0 || values[^1] != 500)
        {
            values.Add(Args(ExpectSend("td")).Single().AsInt32());
        }

        Assert.Equal(values.Order(), values);
        RouterCounters counters = Counters();
        Assert.Equal(500, counters.Sent + counters.Coalesced);
        Endpoints["td"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void ReliableSend_SupersedesAValueWaitingOnTheLatestValueLane()
    {
        StartRouter("", ["td"]);
        ValueTarget gain = ValueTarget.Parse("td:/gain");

        for (int i = 0; i < 200; i++)
        {
            Router.Tell(new SetValue(gain, [OscArgument.Float32(i)], "surface", Lane.LatestValue));
        }

        Router.Tell(new SetValue(gain, [OscArgument.Float32(-1)], "cue", Lane.Reliable));

        // Whatever the lane let through first, the cue's value arrives, and nothing stale after it.
        int received = 0;
        float last;
        do
        {
            last = Args(Endpoints["td"].ExpectMsg<SendMessage>()).Single().AsFloat32();
            Assert.True(++received <= 201);
        }
        while (last != -1f);
        Endpoints["td"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Values_SetValueSendsAndTellsSubscribers_ButNotTheOneWhoSetIt()
    {
        StartRouter("", ["td"]);
        ValueTarget gain = ValueTarget.Parse("td:/mixer/ch/1/gain");
        TestProbe surface = CreateTestProbe();
        Router.Tell(new SubscribeValues(surface.Ref, [gain]));

        Router.Tell(new SetValue(gain, [OscArgument.Float32(0.25f)], "cue main/1", Lane.Reliable));

        Assert.Equal("/mixer/ch/1/gain", ExpectSend("td").Message.Address);
        ValueChanged changed = surface.ExpectMsg<ValueChanged>();
        Assert.Equal(gain, changed.Target);
        Assert.Equal("cue main/1", changed.Origin);
        ValuesSnapshot snapshot = AwaitResult(Router.AskAsync<ValuesSnapshot>(new GetValues([gain, ValueTarget.Parse("td:/never")]), TimeSpan.FromMinutes(1)));
        Assert.Equal([OscArgument.Float32(0.25f)], snapshot.Values[gain]);
        Assert.Single(snapshot.Values);
    }

    [Fact]
    public void Values_RoutedMessagesBecomeCurrentValues()
    {
        StartRouter("""nethub.routes.f { address = "/fader/{n}", to = ["td:/ch/{n}"] }""", ["tablet", "td"]);
        TestProbe other = CreateTestProbe();
        Router.Tell(new SubscribeValues(other.Ref, [ValueTarget.Parse("td:/ch/2")]));

        Router.Tell(Inbound("tablet", "/fader/2", 0.75f));

        ExpectSend("td");
        Assert.Equal("route f", other.ExpectMsg<ValueChanged>().Origin);
    }

    [Fact]
    public void SendTo_AnEndpointThatStopped_IsCounted_AndOthersStillGetTheirs()
    {
        StartRouter("", ["a", "b", "c"]);
        Router.Tell(new SendTo("b", HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("stage", "cues", null), "/hello", OscPayload.Empty)));
        ExpectSend("b", "/hello");
        Assert.True(Sys.TryResolve("/user/endpoints/b", out IActorRef? b));
        TestProbe watcher = CreateTestProbe();
        watcher.Watch(b);
        Sys.Stop(b);
        watcher.ExpectTerminated(b);

        // The router hears of b's end through its own watch, which can land after the watcher's: until it has, a send
        // to b goes to dead letters uncounted. Probe until one is counted.
        Logs.ExpectDeadLetters(m => m is SendBatch batch && batch[0].Address == "/probe");
        AwaitAssert(() =>
        {
            Router.Tell(new SendTo("b", HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("stage", "cues", null), "/probe", OscPayload.Empty)));
            Assert.True(Counters().Failures.GetValueOrDefault("EndpointDown") >= 1);
        });
        long before = Counters().Failures["EndpointDown"];

        foreach (string endpoint in new[] { "a", "b", "c" })
        {
            Router.Tell(new SendTo(endpoint, HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("stage", "cues", null), "/panic", OscPayload.Empty)));
        }

        ExpectSend("a", "/panic");
        ExpectSend("c", "/panic");
        Assert.Equal(before + 1, Counters().Failures.GetValueOrDefault("EndpointDown"));
    }

    [Fact]
    public void ComputedValues_KeepTheirOwnCopies_WhileTheRouterReusesItsBatchesAndScratch()
    {
        StartRouter("""
            nethub.routes.faders {
              from = [tablet], address = "/1/fader{n}", to = ["td:/mixer/ch/{n}/gain"]
              transforms = [{ type = map, in = [0, 1], out = [0, 100] }]
            }
            """, ["tablet", "td"]);
        ValueTarget gain = ValueTarget.Parse("td:/mixer/ch/1/gain");

        // Runs of computed values: each reaches the endpoint in a batch the router lends and reuses once released.
        for (int i = 0; i < 100; i++)
        {
            Router.Tell(Inbound("tablet", "/1/fader1", i / 100f));
        }

        ValuesSnapshot before = AwaitResult(Router.AskAsync<ValuesSnapshot>(new GetValues([gain]), TimeSpan.FromMinutes(1)));
        for (int i = 0; i < 100; i++)
        {
            Router.Tell(Inbound("tablet", "/1/fader1", 0.5f + (i / 1000f)));
        }

        ValuesSnapshot after = AwaitResult(Router.AskAsync<ValuesSnapshot>(new GetValues([gain]), TimeSpan.FromMinutes(1)));
        Assert.Equal(99f, before.Values[gain].Single().AsFloat32(), 3);
        Assert.Equal(59.9f, after.Values[gain].Single().AsFloat32(), 3);

        // What the history was told went out, and what the endpoint got, are the values computed for each message.
        var recorded = new List<float>();
        for (int i = 0; i < 400; i++)
        {
            Traffic report = History.ExpectMsg<Traffic>();
            if (report.Direction == TrafficDirection.Out)
            {
                recorded.Add(((OscPayload)report.Message.Payload).Arguments.Single().AsFloat32());
            }
        }

        float[] expected = [.. Enumerable.Range(0, 100).Select(i => (float)i), .. Enumerable.Range(0, 100).Select(i => 50f + (i / 10f))];
        Assert.Equal(expected.Length, recorded.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], recorded[i], 3);
            Assert.Equal(expected[i], Args(ExpectSend("td")).Single().AsFloat32(), 3);
        }
    }

    [Fact]
    public void Inbound_IsRecorded_AndSurfaceEndpointsGoToSurfaces()
    {
        StartRouter("", ["tablet", "td"], surfaceEndpoints: ["tablet"]);

        Router.Tell(Inbound("tablet", "/1/fader1", 0.5f));
        Router.Tell(Inbound("td", "/status", 1));

        Assert.Equal("/1/fader1", Surfaces.ExpectMsg<HubMessage>().Address);
        Surfaces.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Traffic first = History.ExpectMsg<Traffic>();
        Assert.Equal(("tablet", TrafficDirection.In), (first.Endpoint, first.Direction));
        Assert.Equal("td", History.ExpectMsg<Traffic>().Endpoint);
    }

    [Fact]
    public void OscControl_CommandsGoToCues_AndTheAnswerGoesBackToTheSender()
    {
        StartRouter("", ["tablet"]);

        Router.Tell(Inbound("tablet", "/nethub/cue/goto", "12.5", "main"));

        CueGoto command = Cues.ExpectMsg<CueGoto>();
        Assert.Equal(("12.5", "main", "tablet 10.0.0.7:9000"), (command.Cue, command.List, command.Origin));
        Cues.Reply(CommandResult.Done("GOTO main: cue 12.5 fired"));
        SendMessage reply = ExpectSend("tablet", "/nethub/reply");
        Assert.Equal("10.0.0.7:9000", reply.To);
        Assert.Equal([OscArgument.True, OscArgument.String("GOTO main: cue 12.5 fired")], Args(reply));
    }

    [Theory]
    [InlineData("/nethub/cue/go", "CueGo")]
    [InlineData("/nethub/cue/back", "CueBack")]
    [InlineData("/nethub/cue/stop", "CueStop")]
    [InlineData("/nethub/panic", "Panic")]
    public void OscControl_EachCommand(string address, string type)
    {
        StartRouter("", ["tablet"]);

        Router.Tell(Inbound("tablet", address));

        Assert.Equal(type, Cues.ExpectMsg<ShowCommand>().GetType().Name);
    }

    [Fact]
    public void OscControl_SceneRecallWithFade_AndABadCommand()
    {
        StartRouter("", ["tablet"]);

        Router.Tell(Inbound("tablet", "/nethub/scene/recall", "preshow", 2.5f));
        Router.Tell(Inbound("tablet", "/nethub/scene/recall"));
        Router.Tell(Inbound("tablet", "/nethub/launch"));

        Assert.Equal(new SceneRecall("preshow", TimeSpan.FromSeconds(2.5), "tablet 10.0.0.7:9000"), Cues.ExpectMsg<SceneRecall>());
        Assert.Contains("needs the scene name", Args(ExpectSend("tablet", "/nethub/reply"))[1].AsString(), StringComparison.Ordinal);
        Assert.Contains("unknown hub command", Args(ExpectSend("tablet", "/nethub/reply"))[1].AsString(), StringComparison.Ordinal);
        Assert.Equal(2, Counters().Failures["BadCommand"]);
    }

    [Fact]
    public void OscControl_Status_IsAnsweredByTheRouter()
    {
        StartRouter("", ["tablet"]);

        Router.Tell(Inbound("tablet", "/nethub/status"));

        IReadOnlyList<OscArgument> reply = Args(ExpectSend("tablet", "/nethub/reply"));
        Assert.StartsWith("node stage: 1 endpoint(s), 0 route(s)", reply[1].AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OscControl_OnlyOnTheEndpointsThatAcceptIt()
    {
        StartRouter("""nethub.osc-control.endpoints = [console]""", ["tablet", "console"]);

        Router.Tell(Inbound("tablet", "/nethub/panic"));
        Router.Tell(Inbound("console", "/nethub/panic"));

        Assert.Equal("console", Cues.ExpectMsg<Panic>().Origin.Split(' ')[0]);
        Cues.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Theory]
    [InlineData("""nethub.routes.r { address = "/x", to = [nowhere] }""", "to: expected endpoints that exist (a, b); to[0] names 'nowhere'")]
    [InlineData("""nethub.routes.r { address = "/x", to = ["b:/y/{n}"] }""", "uses {n}")]
    [InlineData("""nethub.routes.r { address = "x", to = [b] }""", "starts with '/'")]
    [InlineData("""nethub.routes.r { address = "/x", to = [b], lane = fast }""", "lane")]
    [InlineData("""nethub.routes.r { address = "/x", to = [b], form = [a] }""", "an unknown key")]
    [InlineData("""nethub.routes.r { address = "/x" }""", "the endpoints the route sends to")]
    [InlineData("""nethub.routes.r { address = "/a/{n}/{n}", to = [b] }""", "named twice")]
    [InlineData("""nethub.routes.r { from = [c], address = "/x", to = [b] }""", "from: expected endpoints that exist")]
    public void Config_Mistakes_AreRefusedWithTheirPlace(string show, string expected)
    {
        ConfigException error = Assert.ThrowsAny<ConfigException>(() => Settings(show, "a", "b"));
        Assert.Contains("show.conf:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
