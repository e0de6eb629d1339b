using Microsoft.Extensions.Logging;
using NetHub.Osc;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Hub.Cues.Tests;

public sealed class SceneTests(ITestOutputHelper output) : CuesTestKit(output)
{
    private const string Show = """
        nethub {
          cues.fade-rate = 10
          scenes {
            look { fade = 1s, values { "td:/gain" = 1.0, "td:/pos" = [0.5, "on"], "lights:/dim" = 100 } }
            dark { values { "td:/gain" = 0.0 } }
          }
          cue-lists.main.cues = [
            { number = 1, name = "Look", continue = auto-follow, post-wait = 500ms, actions = [{ scene = look }] }
            { number = 2, name = "Dark", actions = [{ scene = dark }] }
            { number = 3, name = "Later", pre-wait = 5s, actions = [{ send = "td:/later" }] }
            { number = 4, name = "Mute", actions = [{ set = "td:/gain", value = 0 }] }
          ]
          panic {
            td = [{ address = "/stop" }, { address = "/black", args = [1] }]
            lights = [{ address = "/off" }]
          }
        }
        """;

    private static readonly ValueTarget Gain = ValueTarget.Parse("td:/gain");
    private static readonly ValueTarget Pos = ValueTarget.Parse("td:/pos");
    private static readonly ValueTarget Dim = ValueTarget.Parse("lights:/dim");

    private static Dictionary<ValueTarget, IReadOnlyList<OscArgument>> AllKnown() => new()
    {
        [Gain] = [OscArgument.Float32(0)],
        [Pos] = [OscArgument.Float32(0), OscArgument.String("off")],
        [Dim] = [OscArgument.Int32(0)],
    };

    private static Dictionary<ValueTarget, SetValue> ByTarget(TestProbe router, int count) =>
        router.ReceiveN(count).Cast<SetValue>().ToDictionary(s => s.Target);

    [Fact]
    public void Recall_WithoutFade_SetsEachValueOnce_Reliably()
    {
        TestProbe router = Start(Show, AllKnown());

        Assert.Equal("scene look: set 3 value(s)", Ok(new SceneRecall("look", TimeSpan.Zero)).Message);

        Assert.Equal("1", Text(ExpectSet(router, "td:/gain", Lane.Reliable).Value));
        Assert.Equal("0.5 on", Text(ExpectSet(router, "td:/pos", Lane.Reliable).Value));
        Assert.Equal("100", Text(ExpectSet(router, "lights:/dim", Lane.Reliable).Value));
        Advance(TimeSpan.FromSeconds(2));
        router.ExpectNoMsg();

        Ok(new SceneRecall("dark"));
        SetValue dark = ExpectSet(router, "td:/gain", Lane.Reliable);
        Assert.Equal("scene dark", dark.Origin);
        Assert.Equal("0", Text(dark.Value));
    }

    [Fact]
    public void Recall_WithFade_InterpolatesFromTheMirror_AtTheFadeRate_AndEndsExactlyOnTheReliableLane()
    {
        TestProbe router = Start(Show, AllKnown());

        Assert.Equal("scene look: fading 3 value(s) over 1s", Ok(new SceneRecall("look")).Message);

        Dictionary<ValueTarget, SetValue> step = ByTarget(router, 3);
        Assert.All(step.Values, s => Assert.Equal(Lane.LatestValue, s.Lane));
        Assert.All(step.Values, s => Assert.Equal("scene look", s.Origin));
        Assert.Equal(0, Num(step[Gain].Value[0]));
        Assert.Equal("0 off", Text(step[Pos].Value));
        Assert.Equal(0, Num(step[Dim].Value[0]));

        Advance(TimeSpan.FromMilliseconds(50));
        router.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0.1, Num(ByTarget(router, 3)[Gain].Value[0]), 5);
        for (int k = 2; k <= 9; k++)
        {
            Advance(TimeSpan.FromMilliseconds(100));
            step = ByTarget(router, 3);
            Assert.All(step.Values, s => Assert.Equal(Lane.LatestValue, s.Lane));
            Assert.Equal(k / 10.0, Num(step[Gain].Value[0]), 5);
            if (k == 5)
            {
                Assert.Equal(0.25, Num(step[Pos].Value[0]), 5);
                Assert.Equal("off", step[Pos].Value[1].AsString());
                Assert.Equal(50, Num(step[Dim].Value[0]), 5);
                SceneStatus status = Status().Scenes.Single(s => s.Name == "look");
                Assert.True(status.Fading);
                Assert.Equal(0.5, status.Progress, 5);
            }
        }

        Advance(TimeSpan.FromMilliseconds(100));

        Dictionary<ValueTarget, SetValue> last = ByTarget(router, 3);
        Assert.All(last.Values, s => Assert.Equal(Lane.Reliable, s.Lane));
        Assert.Equal("1", Text(last[Gain].Value));
        Assert.Equal("0.5 on", Text(last[Pos].Value));
        Assert.Equal("100", Text(last[Dim].Value));
        Advance(TimeSpan.FromSeconds(1));
        router.ExpectNoMsg();
        Assert.False(Status().Scenes.Single(s => s.Name == "look").Fading);
    }

    [Fact]
    public void Fade_ATickThatFiresEarly_CountsAsOnTime_SoEachIntervalSendsOneStep()
    {
        // The system's timers can fire up to a millisecond before the clock says they are due.
        Clock.TimerLead = TimeSpan.FromMilliseconds(1);
        TestProbe router = Start(Show, AllKnown());
        Ok(new SceneRecall("look"));

        for (int ms = 0; ms < 1000; ms++)
        {
            Advance(TimeSpan.FromMilliseconds(1));
        }

        // fade-rate 10 over 1 s: the start and a step every 100 ms, then the exact end; three targets each time.
        SetValue[] gain = [.. router.ReceiveN(33).Cast<SetValue>().Where(s => s.Target == Gain)];
        router.ExpectNoMsg();
        Assert.Equal([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], gain[..10].Select(s => Math.Round(Num(s.Value[0]), 5)));
        Assert.All(gain[..10], s => Assert.Equal(Lane.LatestValue, s.Lane));
        Assert.Equal(Lane.Reliable, gain[10].Lane);
        Assert.Equal("1", Text(gain[10].Value));
    }

    [Fact]
    public void Recall_AfterAValueChanged_FadesFromTheNewValue()
    {
        TestProbe router = Start(Show, AllKnown());
        router.Send(Cues, new ValueChanged(Gain, [OscArgument.Float32(0.6f)], "surface tablet"));

        Ok(new SceneRecall("look", TimeSpan.FromSeconds(2)));
        Assert.Equal(0.6, Num(ByTarget(router, 3)[Gain].Value[0]), 5);
        Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0.8, Num(ByTarget(router, 3)[Gain].Value[0]), 5);
    }

    [Fact]
    public void Recall_WithFade_JumpsTargetsWithNoKnownValue()
    {
        TestProbe router = Start(Show, new Dictionary<ValueTarget, IReadOnlyList<OscArgument>> { [Gain] = [OscArgument.Float32(0)] });

        string result = Ok(new SceneRecall("look")).Message;

        Assert.Equal("scene look: fading 1 value(s) over 1s; set at once (no current numeric value to fade from): td:/pos, lights:/dim", result);
        Assert.Equal("0.5 on", Text(ExpectSet(router, "td:/pos", Lane.Reliable).Value));
        Assert.Equal("100", Text(ExpectSet(router, "lights:/dim", Lane.Reliable).Value));
        Assert.Equal(0, Num(ExpectSet(router, "td:/gain", Lane.LatestValue).Value[0]));
    }

    [Fact]
    public void NewFade_TakesATargetOverFromARunningFade()
    {
        TestProbe router = Start(Show, AllKnown());
        Ok(new SceneRecall("look"));
        ByTarget(router, 3);
        for (int k = 1; k <= 5; k++)
        {
            Advance(TimeSpan.FromMilliseconds(100));
            ByTarget(router, 3);
        }

        Ok(new SceneRecall("dark", TimeSpan.FromSeconds(1)));
        SetValue takeover = ExpectSet(router, "td:/gain", Lane.LatestValue);
        Assert.Equal("scene dark", takeover.Origin);
        Assert.Equal(0.5, Num(takeover.Value[0]), 5);

        var sent = new List<SetValue>();
        for (int k = 1; k <= 5; k++)
        {
            Advance(TimeSpan.FromMilliseconds(100));
            sent.AddRange(router.ReceiveN(3).Cast<SetValue>());
        }

        Assert.DoesNotContain(sent, s => s.Target == Gain && s.Origin == "scene look");
        Assert.Equal(0.25, Num(sent.Last(s => s.Target == Gain).Value[0]), 5);
        Assert.Contains(sent, s => s.Target == Dim && s.Lane == Lane.Reliable && Text(s.Value) == "100");
        SceneStatus[] scenes = [.. Status().Scenes];
        Assert.False(scenes.Single(s => s.Name == "look").Fading);
        Assert.True(scenes.Single(s => s.Name == "dark").Fading);
    }

    [Fact]
    public void SetAction_TakesATargetOverFromARunningFade()
    {
        TestProbe router = Start(Show, AllKnown());
        Ok(new SceneRecall("look"));
        ByTarget(router, 3);
        Advance(TimeSpan.FromMilliseconds(100));
        ByTarget(router, 3);

        Ok(new CueGoto("4"));
        SetValue mute = ExpectSet(router, "td:/gain", Lane.Reliable);
        Assert.Equal("cue main/4", mute.Origin);
        Advance(TimeSpan.FromMilliseconds(100));

        Dictionary<ValueTarget, SetValue> step = ByTarget(router, 2);
        Assert.True(step.ContainsKey(Pos) && step.ContainsKey(Dim), "the fade keeps moving td:/pos and lights:/dim, not td:/gain");
        router.ExpectNoMsg();
    }

    [Fact]
    public void Snapshot_StoresTheMirroredValues_AndSaysWhichWereKept()
    {
        TestProbe router = Start(Show, new Dictionary<ValueTarget, IReadOnlyList<OscArgument>>
        {
            [Gain] = [OscArgument.Float32(0)],
            [Pos] = [OscArgument.Float32(0.2f), OscArgument.String("off")],
        });
        router.Send(Cues, new ValueChanged(Gain, [OscArgument.Float32(0.7f)], "surface tablet"));

        string result = Ok(new SceneSnapshot("look")).Message;

        Assert.Equal("scene look: stored the current values of 2 of 3 target(s); kept the stored value of lights:/dim (no current value known)", result);
        Ok(new SceneRecall("look", TimeSpan.Zero));
        Assert.Equal(0.7, Num(ExpectSet(router, "td:/gain", Lane.Reliable).Value[0]), 5);
        Assert.Equal("0.2 off", Text(ExpectSet(router, "td:/pos", Lane.Reliable).Value));
        Assert.Equal("100", Text(ExpectSet(router, "lights:/dim", Lane.Reliable).Value));
    }

    [Fact]
    public void UnknownScene_IsAnsweredWithTheScenesThatExist()
    {
        TestProbe router = Start(Show, AllKnown());

        Assert.Equal("no scene 'blue': scenes are look, dark", Refused(new SceneRecall("blue")).Message);
        Assert.Equal("no scene 'blue': scenes are look, dark", Refused(new SceneSnapshot("blue")).Message);
        router.ExpectNoMsg();
    }

    [Fact]
    public void AutoFollow_FiresTheNextCueAPostWaitAfterTheFadeCompletes()
    {
        TestProbe router = Start(Show, AllKnown());

        Ok(new CueGo());

        ByTarget(router, 3);
        Assert.Equal(CueState.Running, CueOf("main", "1").State);
        Assert.Equal("2", StandbyOf("main"));
        for (int k = 1; k <= 10; k++)
        {
            Advance(TimeSpan.FromMilliseconds(100));
            ByTarget(router, 3);
        }

        Assert.Equal(CueState.PostWait, CueOf("main", "1").State);
        Advance(TimeSpan.FromMilliseconds(499));
        router.ExpectNoMsg();

        Advance(TimeSpan.FromMilliseconds(1));

        SetValue dark = ExpectSet(router, "td:/gain", Lane.Reliable);
        Assert.Equal("cue main/2", dark.Origin);
        Assert.Equal(CueState.Done, CueOf("main", "1").State);
        Assert.Equal(CueState.Done, CueOf("main", "2").State);
        Assert.Equal("3", StandbyOf("main"));
    }

    [Fact]
    public void Stop_StopsTheListsFadesWhereTheyAre_AndItsFollow()
    {
        TestProbe router = Start(Show, AllKnown());
        Ok(new CueGo());
        ByTarget(router, 3);
        Advance(TimeSpan.FromMilliseconds(100));
        ByTarget(router, 3);

        string result = Ok(new CueStop("main")).Message;

        Assert.Equal("STOP main: stopped cue 1 'Look' (fading); 1 fade(s) stopped where they were; standby unchanged (standby 2 'Dark')", result);
        Advance(TimeSpan.FromSeconds(3));
        router.ExpectNoMsg();
        Assert.Equal(CueState.Stopped, CueOf("main", "1").State);
        Assert.False(Status().Scenes.Single(s => s.Name == "look").Fading);
    }

    [Fact]
    public void Panic_CancelsCuesAndFades_ThenSendsEveryEndpointItsMessagesInOrder()
    {
        TestProbe router = Start(Show, AllKnown());
        Ok(new CueGo());
        ByTarget(router, 3);
        Ok(new CueGoto("3"));
        Assert.Equal(CueState.PreWait, CueOf("main", "3").State);

        string result = Ok(new Panic("web operator")).Message;

        Assert.Equal("PANIC: stopped 2 cue(s) and 1 fade(s); sent td: /stop, /black 1; lights: /off", result);
        // The router drops what its routes hold for later before the panic messages, so none of it goes out after them.
        Assert.Equal(new DropHeldValues("web operator"), router.ExpectMsg<DropHeldValues>());
        ExpectSend(router, "td", "/stop");
        Assert.Equal("1", Text(Args(ExpectSend(router, "td", "/black").Message)));
        ExpectSend(router, "lights", "/off");
        Advance(TimeSpan.FromSeconds(6));
        router.ExpectNoMsg();
        Assert.Equal(CueState.Stopped, CueOf("main", "1").State);
        Assert.Equal(CueState.Stopped, CueOf("main", "3").State);
        Assert.False(Status().Scenes.Single(s => s.Name == "look").Fading);
        Assert.True(Logs.Contains(LogLevel.Warning, "PANIC pressed by web operator: stopped 2 cue(s) and 1 fade(s); sent td: /stop, /black 1; lights: /off"));
    }
}
