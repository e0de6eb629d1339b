using NetHub.Osc;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Hub.Cues.Tests;

public sealed class CueListTests(ITestOutputHelper output) : CuesTestKit(output)
{
    private const string Show = """
        nethub {
          cue-lists {
            main { cues = [
              { number = 1, name = "Walk-in", actions = [{ send = "td:/show/walkin", args = [1] }] }
              { number = 2, name = "Blackout", pre-wait = 2s, actions = [{ send = "lights:/blackout" }, { send = "td:/show/dark", args = [0, "x"] }] }
              { number = 3, name = "Act 1", continue = auto-continue, post-wait = 1s, actions = [{ send = "td:/act", args = [1] }] }
              { number = 3.5, name = "Sound", actions = [{ send = "audio:/play", args = ["intro"] }] }
              { number = 5, actions = [{ send = "td:/end" }, { stop = fx }] }
            ] }
            fx { cues = [
              { number = 1, name = "Strobe", pre-wait = 10s, actions = [{ send = "lights:/strobe" }] }
              { number = 2, name = "Chain", actions = [{ go = main }] }
            ] }
          }
        }
        """;

    [Fact]
    public void Go_FiresTheStandbyCueOfTheFirstList_AndMovesStandbyOn()
    {
        TestProbe router = Start(Show);

        CommandResult result = Ok(new CueGo(Origin: "surface tablet"));

        Assert.Equal("GO main: cue 1 'Walk-in' fired; standby 2 'Blackout'", result.Message);
        SendTo send = ExpectSend(router, "td", "/show/walkin");
        Assert.Equal("1", Text(Args(send.Message)));
        Assert.Equal("stage", send.Message.Source.Node);
        Assert.Equal("cues", send.Message.Source.Endpoint);
        CueStatus cue = CueOf("main", "1");
        Assert.Equal(CueState.Done, cue.State);
        Assert.Equal(Clock.GetUtcNow(), cue.LastFired);
        Assert.Equal("2", StandbyOf("main"));
        Assert.Equal(CueState.Idle, CueOf("main", "2").State);
        Assert.True(Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Information, "surface tablet: GO main: cue 1 'Walk-in' fired"));
    }

    [Fact]
    public void Go_NamedList_DrivesThatListOnly()
    {
        TestProbe router = Start(Show);

        Ok(new CueGoto("2", List: "fx"));
        ExpectSend(router, "td", "/show/walkin");

        Assert.Equal("2", StandbyOf("main"));
        Assert.Null(StandbyOf("fx"));
    }

    [Fact]
    public void Go_PastTheLastCue_IsRefusedAndSendsNothing()
    {
        TestProbe router = Start(Show);
        Ok(new CueGoto("5"));
        ExpectSend(router, "td", "/end");
        Assert.Null(StandbyOf("main"));

        CommandResult result = Refused(new CueGo());

        Assert.Equal("GO main: nothing on standby (the list ended after cue 5); GOTO a cue or press BACK", result.Message);
        router.ExpectNoMsg();
        Assert.Equal(1, Status().RejectedCommands);
    }

    [Fact]
    public void Back_MovesStandbyBackWithoutFiring_AndStopsAtTheFirstCue()
    {
        TestProbe router = Start(Show);
        Ok(new CueGo());
        ExpectSend(router, "td", "/show/walkin");

        Assert.Equal("BACK main: standby 1 'Walk-in'", Ok(new CueBack()).Message);
        router.ExpectNoMsg();
        Assert.Equal("1", StandbyOf("main"));
        Assert.Contains("already at the first cue", Refused(new CueBack("main")).Message, StringComparison.Ordinal);

        Ok(new CueGoto("5"));
        ExpectSend(router, "td", "/end");
        Ok(new CueBack());
        Assert.Equal("5", StandbyOf("main"));
    }

    [Fact]
    public void Goto_FiresThatCue_AndPutsTheNextOnStandby()
    {
        TestProbe router = Start(Show);

        CommandResult result = Ok(new CueGoto("3.5"));

        Assert.Equal("GOTO main: cue 3.5 'Sound' fired; standby 5", result.Message);
        Assert.Equal([OscArgument.String("intro")], Args(ExpectSend(router, "audio", "/play").Message));
        Assert.Equal("5", StandbyOf("main"));
        Assert.Equal(CueState.Idle, CueOf("main", "1").State);
    }

    [Fact]
    public void UnknownListOrCue_IsAnsweredWithWhatExists()
    {
        TestProbe router = Start(Show);

        Assert.Equal("GO: no cue list 'side': lists are main, fx", Refused(new CueGo("side")).Message);
        Assert.Equal("GOTO main: no cue 7 in list main: cues are 1, 2, 3, 3.5, 5", Refused(new CueGoto("7")).Message);
        Assert.Equal("STOP: no cue list 'side': lists are main, fx", Refused(new CueStop("side")).Message);

        router.ExpectNoMsg();
        Assert.Equal(3, Status().RejectedCommands);
        Assert.Equal("1", StandbyOf("main"));
    }

    [Fact]
    public void NoCueLists_GoExplainsWhereToAddThem()
    {
        Start("nethub {}");

        Assert.Equal("GO: no cue lists are configured (add them under nethub.cue-lists)", Refused(new CueGo()).Message);
    }

    [Fact]
    public void PreWait_NothingBeforeItsTime_EveryActionInOrderAtIt()
    {
        TestProbe router = Start(Show);

        CommandResult result = Ok(new CueGoto("2"));

        Assert.Equal("GOTO main: cue 2 'Blackout' started (pre-wait 2s); standby 3 'Act 1'", result.Message);
        Assert.Equal(CueState.PreWait, CueOf("main", "2").State);
        Advance(TimeSpan.FromMilliseconds(1999));
        router.ExpectNoMsg();

        Advance(TimeSpan.FromMilliseconds(1));

        ExpectSend(router, "lights", "/blackout");
        Assert.Equal("0 x", Text(Args(ExpectSend(router, "td", "/show/dark").Message)));
        Assert.Equal(CueState.Done, CueOf("main", "2").State);
    }

    [Fact]
    public void Stop_CancelsAPendingPreWait_AndKeepsStandby()
    {
        TestProbe router = Start(Show);
        Ok(new CueGoto("2"));

        CommandResult result = Ok(new CueStop(Origin: "cli"));

        Assert.Contains("STOP all lists: stopped cue 2 'Blackout' (pre-wait)", result.Message, StringComparison.Ordinal);
        Advance(TimeSpan.FromSeconds(5));
        router.ExpectNoMsg();
        Assert.Equal(CueState.Stopped, CueOf("main", "2").State);
        Assert.Equal("3", StandbyOf("main"));
    }

    [Fact]
    public void Stop_OfOneList_LeavesTheOtherListRunning()
    {
        TestProbe router = Start(Show);
        Ok(new CueGo("fx"));
        Ok(new CueGoto("2"));

        Assert.StartsWith("STOP main: stopped cue 2 'Blackout' (pre-wait)", Ok(new CueStop("main")).Message, StringComparison.Ordinal);
        Assert.Equal("STOP main: nothing was running; standby unchanged (standby 3 'Act 1')", Ok(new CueStop("main")).Message);

        Advance(TimeSpan.FromSeconds(10));
        ExpectSend(router, "lights", "/strobe");
        router.ExpectNoMsg();
    }

    [Fact]
    public void AutoContinue_FiresTheNextCueAPostWaitAfterTheActions_AndMovesStandby()
    {
        TestProbe router = Start(Show);

        Ok(new CueGoto("3"));

        ExpectSend(router, "td", "/act");
        Assert.Equal(CueState.PostWait, CueOf("main", "3").State);
        Assert.Equal("3.5", StandbyOf("main"));
        Advance(TimeSpan.FromMilliseconds(999));
        router.ExpectNoMsg();

        Advance(TimeSpan.FromMilliseconds(1));

        ExpectSend(router, "audio", "/play");
        Assert.Equal(CueState.Done, CueOf("main", "3").State);
        Assert.Equal(CueState.Done, CueOf("main", "3.5").State);
        Assert.Equal("5", StandbyOf("main"));
    }

    [Fact]
    public void Stop_CancelsAPendingFollow()
    {
        TestProbe router = Start(Show);
        Ok(new CueGoto("3"));
        ExpectSend(router, "td", "/act");

        Assert.Contains("cue 3 'Act 1' (post-wait)", Ok(new CueStop("main")).Message, StringComparison.Ordinal);

        Advance(TimeSpan.FromSeconds(2));
        router.ExpectNoMsg();
        Assert.Equal(CueState.Stopped, CueOf("main", "3").State);
        Assert.Equal(CueState.Idle, CueOf("main", "3.5").State);
    }

    [Fact]
    public void GoAndStopActions_DriveOtherLists()
    {
        TestProbe router = Start(Show);
        Ok(new CueGo("fx"));
        Assert.Equal(CueState.PreWait, CueOf("fx", "1").State);

        Ok(new CueGoto("5"));

        ExpectSend(router, "td", "/end");
        Assert.Equal(CueState.Stopped, CueOf("fx", "1").State);
        Advance(TimeSpan.FromSeconds(10));
        router.ExpectNoMsg();

        Ok(new CueBack());
        Ok(new CueGoto("2", "fx"));
        ExpectSend(router, "td", "/end");
        Assert.Null(StandbyOf("main"));
    }

    [Fact]
    public void Panic_WithNothingConfigured_StillStopsEverything_AndSaysNothingWasSent()
    {
        TestProbe router = Start(Show);
        Ok(new CueGoto("2"));

        Assert.Equal("PANIC: stopped 1 cue(s) and 0 fade(s); sent nothing (no messages configured under nethub.panic)", Ok(new Panic("cli")).Message);

        Assert.Equal(new DropHeldValues("cli"), router.ExpectMsg<DropHeldValues>());
        Advance(TimeSpan.FromSeconds(5));
        router.ExpectNoMsg();
        Assert.Equal(CueState.Stopped, CueOf("main", "2").State);
    }
}
