using Microsoft.Extensions.Logging;
using NetHub.Osc;
using Xunit.Abstractions;

namespace NetHub.Hub.Surfaces.Tests;

public sealed class SurfaceActorInputTests(ITestOutputHelper output) : SurfaceTestKit(output)
{
    /// <summary>TouchOSC sends the page address when a page is shown: a surface speaking without moving anything.</summary>
    private void Connect(string peer = Tablet)
    {
        InputFrom(peer, "/1");
        Router.ExpectMsg<GetValues>();
        Surface.Tell(Snapshot(), Router.Ref);
    }

    [Fact]
    public void Fader_SetsEachTargetInItsOwnRange_IncludingInvertedRanges()
    {
        Start("""
            { type = fader, address = "/1/fader1", targets = [
                { target = "td:/mixer/master", range = [-60, 6] }
                { target = "td:/mixer/dim", range = [1, 0] } ] }
            """);
        Connect();

        Input("/1/fader1", 0.25f);

        ExpectSet("td:/mixer/master", -43.5f);
        ExpectSet("td:/mixer/dim", 0.75f);
        Router.ExpectNoMsg();
    }

    [Fact]
    public void Rotary_MapsItsOwnControlRange_AndClampsValuesPastTheEnds()
    {
        Start("""{ type = rotary, address = "/1/rotary1", control-range = [0, 127], targets = [ { target = "td:/fx/mix" } ] }""");
        Connect();

        Input("/1/rotary1", 63.5f);
        Input("/1/rotary1", 200);

        ExpectSet("td:/fx/mix", 63.5f);
        ExpectSet("td:/fx/mix", 127f);
        Surface.Tell(GetSurfaceStatus.Instance, TestActor.Ref);
        Assert.Equal(127, TestActor.ExpectMsg<SurfaceStatus>().Controls.Single().Values[0]);
    }

    [Fact]
    public void Rotary_WithTargetRange_MapsFromControlRange()
    {
        Start("""{ type = rotary, address = "/1/rotary1", control-range = [0, 127], targets = [ { target = "td:/fx/mix", range = [0, 1] } ] }""");
        Connect();

        Input("/1/rotary1", 63.5f);

        ExpectSet("td:/fx/mix", 0.5f);
    }

    [Fact]
    public void Xy_MapsXAndYToTheirOwnTargets()
    {
        Start("""
            { type = xy, address = "/1/xy1",
              x = [ { target = "td:/cam/tx", range = [-10, 10] } ]
              y = [ { target = "td:/cam/tz", range = [-10, 10] }, { target = "td:/cam/fov", range = [20, 90] } ] }
            """);
        Connect();

        Input("/1/xy1", 0.75f, 0.5f);

        ExpectSet("td:/cam/tx", 5f);
        ExpectSet("td:/cam/tz", 0f);
        ExpectSet("td:/cam/fov", 55f);
    }

    [Fact]
    public void MultiFader_PutsTheFaderIndexIntoTheTarget()
    {
        Start("""{ type = multi-fader, address = "/1/multifader1", count = 8, targets = [ { target = "td:/mixer/ch/{1}/gain", range = [-60, 6] } ] }""");
        Connect();

        Input("/1/multifader1/3", 1f);
        Input("/1/multifader1/8", 0f);

        ExpectSet("td:/mixer/ch/3/gain", 6f);
        ExpectSet("td:/mixer/ch/8/gain", -60f);
    }

    [Fact]
    public void Encoder_Centered_AccumulatesStepsFromTheCurrentValue()
    {
        Start(
            """{ type = encoder, address = "/1/encoder1", step = 0.1, targets = [ { target = "td:/fx/mix", range = [0, 10] } ] }""",
            values: new Dictionary<ValueTarget, IReadOnlyList<OscArgument>> { [T("td:/fx/mix")] = [OscArgument.Float32(5)] });
        Connect();

        Input("/1/encoder1", 1f);
        Input("/1/encoder1", 1f);
        Input("/1/encoder1", 0f);
        Input("/1/encoder1", 0.75f);

        ExpectSet("td:/fx/mix", 6f);
        ExpectSet("td:/fx/mix", 7f);
        ExpectSet("td:/fx/mix", 6f);
        ExpectSet("td:/fx/mix", 6.5f);
    }

    [Fact]
    public void Encoder_Signed_CountsStepsAndStopsAtTheRangeEnd()
    {
        Start("""{ type = encoder, address = "/enc/1", encoder-mode = signed, step = 0.25, targets = [ { target = "td:/fx/mix" } ] }""");
        Connect();

        Input("/enc/1", 3);
        Input("/enc/1", 3);
        Input("/enc/1", -1);

        ExpectSet("td:/fx/mix", 0.75f);
        ExpectSet("td:/fx/mix", 1f);
        ExpectSet("td:/fx/mix", 0.75f);
    }

    [Fact]
    public void Push_SetsOneOnPressAndZeroOnRelease_OnTheReliableLane()
    {
        Start("""{ type = push, address = "/1/push1", targets = [ { target = "lights:/strobe" } ] }""");
        Connect();

        Input("/1/push1", 1f);
        Input("/1/push1", 0f);

        ExpectSet("lights:/strobe", 1f, Lane.Reliable);
        ExpectSet("lights:/strobe", 0f, Lane.Reliable);
    }

    [Fact]
    public void Toggle_SetsItsState_OnTheReliableLane()
    {
        Start("""{ type = toggle, address = "/1/toggle1", targets = [ { target = "td:/fx/bypass" } ] }""");
        Connect();

        Input("/1/toggle1", 1f);
        Input("/1/toggle1", 0f);

        ExpectSet("td:/fx/bypass", 1f, Lane.Reliable);
        ExpectSet("td:/fx/bypass", 0f, Lane.Reliable);
    }

    [Fact]
    public void PushGo_FiresOnPressOnly_AndLogsAFailedAnswerAsWarning()
    {
        Start("""{ type = push, address = "/1/push1", action = go, list = main }""");

        Input("/1/push1", 1f);
        Input("/1/push1", 0f);

        Assert.Equal(new CueGo("main", "surface tablet"), Cues.ExpectMsg<CueGo>());
        Cues.ExpectNoMsg();
        Cues.Reply(CommandResult.Failed("cue list 'main' has no standby cue"));
        AwaitCondition(() => Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.EventId.Id == 3306
            && e.Message.Contains("GO on list main from /1/push1", StringComparison.Ordinal)
            && e.Message.Contains("no standby cue", StringComparison.Ordinal)));
    }

    [Fact]
    public void CommandButtons_SendTheRightCommands()
    {
        Start("""
            { type = push, address = "/2/scene1", action = scene, scene = intro }
            { type = push, address = "/2/goto5", action = goto, cue = "5", list = main }
            { type = push, address = "/2/back", action = back }
            { type = toggle, address = "/2/panic", action = panic }
            { type = push, address = "/3/go*", action = go }
            """);

        Input("/2/scene1", 1f);
        Input("/2/goto5", 1f);
        Input("/2/back", 1f);
        Input("/2/panic", 1f);
        Input("/3/go7", 1f);

        Assert.Equal(new SceneRecall("intro", null, "surface tablet"), Cues.ExpectMsg<SceneRecall>());
        Assert.Equal(new CueGoto("5", "main", "surface tablet"), Cues.ExpectMsg<CueGoto>());
        Assert.Equal(new CueBack(null, "surface tablet"), Cues.ExpectMsg<CueBack>());
        Assert.Equal(new Panic("surface tablet"), Cues.ExpectMsg<Panic>());
        Assert.Equal(new CueGo(null, "surface tablet"), Cues.ExpectMsg<CueGo>());
        Cues.Reply(CommandResult.Done("cue 1 fired"));
        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 3305 && e.Message.Contains("scene intro from /2/scene1: cue 1 fired", StringComparison.Ordinal)));
    }

    [Fact]
    public void PushPulse_SendsOnThenOffAfterPulseTime()
    {
        Start("""{ type = push, address = "/1/push2", action = pulse, pulse-time = 200ms, targets = [ { target = "td:/fx/flash" } ] }""");
        Connect();

        Input("/1/push2", 1f);
        ExpectSet("td:/fx/flash", 1f, Lane.Reliable);
        Input("/1/push2", 0f);
        Router.FishForMessage<SendTo>(_ => true);
        Router.ExpectNoMsg();

        Clock.Advance(TimeSpan.FromMilliseconds(199));
        Router.ExpectNoMsg();
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        ExpectSet("td:/fx/flash", 0f, Lane.Reliable);
    }

    [Fact]
    public void PushToggle_FlipsAStoredStateOnEachPress()
    {
        Start("""{ type = push, address = "/1/push3", action = toggle, on = 1, off = 0, targets = [ { target = "td:/fx/bypass", range = [0, 100] } ] }""");
        Connect();

        Input("/1/push3", 1f);
        Input("/1/push3", 0f);
        Input("/1/push3", 1f);
        Input("/1/push3", 0f);

        ExpectSet("td:/fx/bypass", 100f, Lane.Reliable);
        ExpectFeedback("/1/push3", Tablet, 1f);
        ExpectFeedback("/1/push3", Tablet, 1f);
        ExpectSet("td:/fx/bypass", 0f, Lane.Reliable);
        ExpectFeedback("/1/push3", Tablet, 0f);
        ExpectFeedback("/1/push3", Tablet, 0f);
    }

    [Fact]
    public void BadInput_IsCountedPerReason_AndNeverStopsTheSurface()
    {
        Start("""
            { type = fader, address = "/1/fader1", targets = [ { target = "td:/mixer/master" } ] }
            { type = xy, address = "/1/xy1", x = [ { target = "td:/cam/tx" } ] }
            { type = multi-fader, address = "/1/multifader1", count = 2, targets = [ { target = "td:/ch/{1}" } ] }
            { type = label, address = "/1/label1", targets = [ { target = "td:/mixer/master" } ] }
            """);
        Connect();

        Input("/1/fader1", "loud");
        Input("/1/fader1");
        Input("/1/fader1", float.NaN);
        Input("/1/xy1", 0.5f);
        Input("/1/multifader1/9", 0.5f);
        Input("/1/label1", 1f);
        Input("/9/nothing", 1f);
        Input("/1/fader1", 1f);

        ExpectSet("td:/mixer/master", 1f);
        SurfaceStatus status = Status();
        Assert.Equal(2, status.Dropped["wrong-argument-type"]);
        Assert.Equal(2, status.Dropped["wrong-argument-count"]);
        Assert.Equal(1, status.Dropped["unknown-id"]);
        Assert.Equal(1, status.Dropped["output-only"]);
        Assert.Equal(2, status.Dropped["unknown-address"]);
        Assert.Equal(9, status.Inputs);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.EventId.Id == 3301
            && e.Message.Contains("Surface tablet: dropped /1/fader1 loud from 10.0.0.20:9000: wrong-argument-type", StringComparison.Ordinal));
    }

    [Fact]
    public void BadInput_WarningsAreLimited_ButAllAreCounted()
    {
        Start("""{ type = fader, address = "/1/fader1", targets = [ { target = "td:/mixer/master" } ] }""", "log-max = 2");
        Connect();

        for (int i = 0; i < 5; i++)
        {
            Input("/1/fader1", "x");
        }

        Assert.Equal(5, Status().Dropped["wrong-argument-type"]);
        Assert.Equal(2, Logs.Count(e => e.EventId.Id == 3301));
    }
}
