using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Hub.History;
using NetHub.Hub.Routing;
using NetHub.Hub.Transforms;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.TestKit;
using NetHub.Transports;
using Xunit.Abstractions;

namespace NetHub.Hub.Tests.Routing;

/// <summary>
/// The router's fast path: after the first message of a stream (an address from one endpoint) the router routes the
/// rest by a plan it learnt from it. Each test streams several messages, so most go the fast way, and checks that
/// what comes out (sends, current values, history, counters, failures) is what the general path makes of them.
/// </summary>
public sealed class RouterFastPathTests(ITestOutputHelper output) : RouterTestKit(output)
{
    private const string Faders = """
        nethub.routes.faders {
          from = [tablet], address = "/1/fader{n}", to = ["td:/mixer/ch/{n}/gain"]
          transforms = [{ type = map, in = [0, 1], out = [-60, 6], mode = clamp }]
        }
        """;

    /// <summary>/x from a goes to b, and from b to a: a loop when both devices echo.</summary>
    private const string BothWays = """
        nethub.routes {
          ab { from = [a], address = "/x", to = [b] }
          ba { from = [b], address = "/x", to = [a] }
        }
        """;

    [Fact]
    public void AStream_IsSentValuedRecordedAndCounted_MessageByMessage()
    {
        StartRouter(Faders, ["tablet", "td"]);
        ValueTarget gain = ValueTarget.Parse("td:/mixer/ch/3/gain");
        float[] inputs = [0f, 0.5f, 1f, 0.25f, 2f, -1f, 0.75f];

        foreach (float input in inputs)
        {
            Router.Tell(Inbound("tablet", "/1/fader3", input));
        }

        float[] expected = [-60f, -27f, 6f, -43.5f, 6f, -60f, -10.5f];
        foreach (float value in expected)
        {
            SendMessage send = ExpectSend("td");
            Assert.Equal("/mixer/ch/3/gain", send.Address);
            Assert.Equal(value, Args(send).Single().AsFloat32(), 4);
        }

        for (int i = 0; i < inputs.Length; i++)
        {
            Traffic received = History.ExpectMsg<Traffic>();
            Assert.Equal((TrafficDirection.In, "tablet", "/1/fader3"), (received.Direction, received.Endpoint, received.Message.Address));
            Assert.Equal(inputs[i], ((OscPayload)received.Message.Payload).Arguments.Single().AsFloat32());
            Traffic sent = History.ExpectMsg<Traffic>();
            Assert.Equal((TrafficDirection.Out, "td", "/mixer/ch/3/gain"), (sent.Direction, sent.Endpoint, sent.Message.Address));
            Assert.Equal(expected[i], ((OscPayload)sent.Message.Payload).Arguments.Single().AsFloat32(), 4);
        }

        ValuesSnapshot values = AwaitResult(Router.AskAsync<ValuesSnapshot>(new GetValues([gain]), TimeSpan.FromMinutes(1)));
        Assert.Equal(-10.5f, values.Values[gain].Single().AsFloat32(), 4);
        RouterCounters counters = Counters();
        Assert.Equal((7L, 7L, 7L, 0L), (counters.Inbound, counters.Routed, counters.Sent, counters.TransformDrops));
    }

    [Fact]
    public void AStreamWithoutTransforms_SendsTheMessagesThemselves_OrTheirArgumentsAtTheNewAddress()
    {
        StartRouter("""
            nethub.routes {
              same { from = [a], address = "/same", to = [b] }
              moved { from = [a], address = "/old/{n}", to = ["b:/new/{n}"] }
            }
            """, ["a", "b"]);
        HubMessage[] same = [.. Enumerable.Range(0, 4).Select(i => Inbound("a", "/same", i, "text"))];
        HubMessage[] moved = [.. Enumerable.Range(0, 4).Select(i => Inbound("a", "/old/7", i))];

        foreach (HubMessage message in same)
        {
            Router.Tell(message);
        }

        foreach (HubMessage message in same)
        {
            Assert.Same(message, ExpectSend("b", "/same").Message);
        }

        foreach (HubMessage message in moved)
        {
            Router.Tell(message);
        }

        foreach (HubMessage message in moved)
        {
            SendMessage send = ExpectSend("b", "/new/7");
            Assert.Same(message, send.Original);
            Assert.Same(message.Payload, send.Payload);
        }
    }

    [Fact]
    public void IntegersDoublesAndOtherTypes_AreComputedAsTheTransformChainComputesThem()
    {
        StartRouter("""
            nethub.routes.mixed {
              address = "/mixed", to = ["out:/scaled"]
              transforms = [{ type = map, in = [0, 127], out = [0, 1] }, { type = curve, shape = exp, base = 10 }, { type = scale, factor = 100 }]
            }
            """, ["in", "out"]);
        TransformChain chain = Chain("""t = [{ type = map, in = [0, 127], out = [0, 1] }, { type = curve, shape = exp, base = 10 }, { type = scale, factor = 100 }]""");
        OscArgument[][] streams =
        [
            [OscArgument.Int32(0), OscArgument.String("ch"), OscArgument.Float64(63.5)],
            [OscArgument.Int32(64), OscArgument.String("ch"), OscArgument.Float64(127)],
            [OscArgument.Int32(127), OscArgument.String("ch"), OscArgument.Float64(1)],
            [OscArgument.Int32(100), OscArgument.String("ch"), OscArgument.Float64(0.5)],
        ];

        foreach (OscArgument[] arguments in streams)
        {
            Router.Tell(Inbound("in", "/mixed", arguments));
        }

        foreach (OscArgument[] arguments in streams)
        {
            TransformResult expected = chain.Apply(chain.CreateState(), new TransformInput(arguments), DateTimeOffset.UnixEpoch);
            Assert.Equal(TransformOutcome.Emit, expected.Outcome);
            Assert.Equal(expected.Arguments, Args(ExpectSend("out", "/scaled")));
        }
    }

    [Fact]
    public void AValueTheTransformCannotTake_IsDropped_AndTheStreamGoesOn()
    {
        StartRouter(Faders, ["tablet", "td"]);

        Router.Tell(Inbound("tablet", "/1/fader1", 0f));
        Router.Tell(Inbound("tablet", "/1/fader1", 1f));
        Router.Tell(Inbound("tablet", "/1/fader1", float.NaN));
        Router.Tell(Inbound("tablet", "/1/fader1", float.PositiveInfinity));
        Router.Tell(Inbound("tablet", "/1/fader1", 0.5f));

        Assert.Equal(-60f, Args(ExpectSend("td")).Single().AsFloat32(), 4);
        Assert.Equal(6f, Args(ExpectSend("td")).Single().AsFloat32(), 4);
        Assert.Equal(-27f, Args(ExpectSend("td")).Single().AsFloat32(), 4);
        RouterCounters counters = Counters();
        Assert.Equal((5L, 3L, 3L, 2L), (counters.Inbound, counters.Routed, counters.Sent, counters.TransformDrops));
    }

    [Fact]
    public void EchoAndFromLists_HoldForEachEndpointAStreamComesFrom()
    {
        StartRouter("""
            nethub.routes {
              mirror { address = "/sync", to = [a, b] }
              only-a { from = [a], address = "/sync", to = ["c:/from-a"] }
            }
            """, ["a", "b", "c"]);

        for (int i = 0; i < 6; i++)
        {
            Router.Tell(Inbound(i % 2 == 0 ? "a" : "b", "/sync", i));
        }

        for (int i = 0; i < 6; i++)
        {
            string other = i % 2 == 0 ? "b" : "a";
            Assert.Equal(i, Args(ExpectSend(other, "/sync")).Single().AsInt32());
            if (i % 2 == 0)
            {
                Assert.Equal(i, Args(ExpectSend("c", "/from-a")).Single().AsInt32());
            }
        }

        Endpoints["a"].ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Endpoints["b"].ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Endpoints["c"].ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        RouterCounters counters = Counters();
        Assert.Equal((6L, 6L), (counters.EchoSuppressed, counters.Sent - 3));
    }

    [Fact]
    public void ALoopInTheMiddleOfAStream_IsCutAndLogged()
    {
        StartRouter(BothWays, ["a", "b"]);

        for (int i = 1; i <= 5; i++)
        {
            Router.Tell(Inbound("a", "/x", i));
            Assert.Equal(i, Args(ExpectSend("b")).Single().AsInt32());
        }

        for (int i = 1; i <= 3; i++)
        {
            // b's device echoes what it got: a has not had it, so it goes on once
            Router.Tell(Inbound("b", "/x", i));
            Assert.Equal(i, Args(ExpectSend("a")).Single().AsInt32());
        }

        Router.Tell(Inbound("a", "/x", 2));   // and a echoes it too: b already had it - a loop
        Router.Tell(Inbound("a", "/x", 6));   // a new value is not

        Assert.Equal(6, Args(ExpectSend("b")).Single().AsInt32());
        Assert.Equal(1, Counters().LoopsCut);
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 3010 && e.Message.Contains("route 'ab'", StringComparison.Ordinal) && e.Message.Contains("endpoint 'b'", StringComparison.Ordinal));
    }

    [Fact]
    public void AComputedValueThatComesBack_AndWouldGoOutAgainWhereItWent_IsALoop()
    {
        StartRouter("""
            nethub.routes {
              to-percent { from = [a], address = "/level", to = ["b:/percent", "c:/percent"], transforms = [{ type = map, in = [0, 1], out = [0, 100] }] }
              share { from = [b], address = "/percent", to = [c] }
            }
            """, ["a", "b", "c"]);

        for (int i = 1; i <= 4; i++)
        {
            Router.Tell(Inbound("a", "/level", i / 4f));
            Assert.Equal(i * 25f, Args(ExpectSend("b", "/percent")).Single().AsFloat32(), 4);
            Assert.Equal(i * 25f, Args(ExpectSend("c", "/percent")).Single().AsFloat32(), 4);
        }

        Router.Tell(Inbound("b", "/percent", 60f));   // new from b: shared with c
        Router.Tell(Inbound("b", "/percent", 50f));   // b's device echoes what it got: c had it already - a loop

        Assert.Equal(60f, Args(ExpectSend("c", "/percent")).Single().AsFloat32(), 4);
        Endpoints["c"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, Counters().LoopsCut);
    }

    [Fact]
    public void AnEndpointThatStopsDuringAStream_IsCountedAsDown_AndItsValueStillKept()
    {
        StartRouter(Faders, ["tablet", "td"]);
        ValueTarget gain = ValueTarget.Parse("td:/mixer/ch/1/gain");
        Router.Tell(Inbound("tablet", "/1/fader1", 0f));
        Router.Tell(Inbound("tablet", "/1/fader1", 1f));
        ExpectSend("td");
        ExpectSend("td");
        Assert.True(Sys.TryResolve("/user/endpoints/td", out IActorRef? td));
        TestProbe watcher = CreateTestProbe();
        watcher.Watch(td);
        Sys.Stop(td);
        watcher.ExpectTerminated(td);

        // The router hears of the end through its own watch, which can land after the watcher's: until then a batch
        // goes to dead letters uncounted. Stream until one is counted.
        Logs.ExpectDeadLetters(m => m is SendBatch);
        AwaitAssert(() =>
        {
            Router.Tell(Inbound("tablet", "/1/fader1", 0.5f));
            Assert.True(Counters().Failures.GetValueOrDefault("EndpointDown") >= 1);
        });

        Router.Tell(Inbound("tablet", "/1/fader1", 0.25f));
        AwaitAssert(() => Assert.True(Counters().Failures["EndpointDown"] >= 2));
        ValuesSnapshot values = AwaitResult(Router.AskAsync<ValuesSnapshot>(new GetValues([gain]), TimeSpan.FromMinutes(1)));
        Assert.Equal(-43.5f, values.Values[gain].Single().AsFloat32(), 4);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("cannot send /mixer/ch/1/gain to endpoint 'td': it has stopped", StringComparison.Ordinal));
    }

    [Fact]
    public void SurfaceEndpoints_AndSubscribers_HearEveryMessageOfAStream()
    {
        StartRouter(Faders, ["tablet", "td"], surfaceEndpoints: ["tablet"]);
        TestProbe subscriber = CreateTestProbe();
        Router.Tell(new SubscribeValues(subscriber.Ref, [ValueTarget.Parse("td:/mixer/ch/2/gain")]));

        for (int i = 0; i < 5; i++)
        {
            Router.Tell(Inbound("tablet", "/1/fader2", i / 4f));
        }

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(i / 4f, ((OscPayload)Surfaces.ExpectMsg<HubMessage>().Payload).Arguments.Single().AsFloat32());
            ValueChanged changed = subscriber.ExpectMsg<ValueChanged>();
            Assert.Equal("route faders", changed.Origin);
            Assert.Equal(-60f + (66f * i / 4f), changed.Value.Single().AsFloat32(), 4);
        }
    }

    [Fact]
    public void ManyArguments_AndTextPayloads_TakeTheGeneralPath_WithTheSameResult()
    {
        StartRouter("""
            nethub.routes.wide { address = "/wide", to = ["out:/narrow"], transforms = [{ type = scale, factor = 2 }] }
            """, ["in", "out"]);
        OscArgument[] ten = [.. Enumerable.Range(0, 10).Select(i => OscArgument.Float32(i))];

        for (int i = 0; i < 3; i++)
        {
            Router.Tell(Inbound("in", "/wide", ten));
        }

        Router.Tell(HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("stage", "in", null), "/wide", new TextPayload("4")));

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(Enumerable.Range(0, 10).Select(i => OscArgument.Float32(i * 2)), Args(ExpectSend("out", "/narrow")));
        }

        Assert.Equal("4", Args(ExpectSend("out", "/narrow")).Single().AsString());
    }

    [Fact]
    public void ASlowStream_WhoseAddressWentNowhereWithinTheWindow_StillHasItsEchoCaught()
    {
        StartRouter(BothWays, ["a", "b"]);

        for (int i = 1; i <= 3; i++)
        {
            // A message every two seconds: each finds nothing sent to /x within the loop window.
            Clock.Advance(TimeSpan.FromSeconds(2));
            Router.Tell(Inbound("a", "/x", i));
            Assert.Equal(i, Args(ExpectSend("b")).Single().AsInt32());
        }

        Router.Tell(Inbound("b", "/x", 3));   // b echoes the last one: a has not had it, so it goes on once
        ExpectSend("a");
        Router.Tell(Inbound("a", "/x", 3));   // and a echoes it too: the same message went out of b a moment ago - a loop

        Assert.Equal(1, Counters().LoopsCut);
        Endpoints["b"].ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 3010 && e.Message.Contains("endpoint 'b'", StringComparison.Ordinal));
        Assert.DoesNotContain(Logs.Entries, e => e.EventId.Id == 3013);
    }

    [Fact]
    public void AStream_SupersedesAValueWaitingOnTheLatestValueLane_ToTheSameTarget()
    {
        StartRouter("""nethub.routes.gain { from = [tablet], address = "/gain", to = [td] }""", ["tablet", "td"]);
        ValueTarget gain = ValueTarget.Parse("td:/gain");
        for (int i = 0; i < 2; i++)
        {
            Router.Tell(Inbound("tablet", "/gain", 0.5f + i));
            ExpectSend("td");
        }

        for (int i = 0; i < 200; i++)
        {
            Router.Tell(new SetValue(gain, [OscArgument.Float32(i)], "surface", Lane.LatestValue));
        }

        Router.Tell(Inbound("tablet", "/gain", -1f));

        // Whatever the lane let through first, the stream's value arrives, and nothing stale after it.
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

    private static TransformChain Chain(string hocon) => TransformChain.Parse(Config.Parse(hocon), "t");
}
