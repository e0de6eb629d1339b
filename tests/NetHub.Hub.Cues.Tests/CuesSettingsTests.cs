using NetHub.Configuration;
using NetHub.TestKit;

namespace NetHub.Hub.Cues.Tests;

public sealed class CuesSettingsTests
{
    private static CuesSettings Read(string show) =>
        CuesSettings.FromConfig(Config.Parse(show, "show.conf").WithFallback(CuesSettings.Reference).Resolve().GetConfig("nethub"));

    private static ConfigException Refused(string show) => Assert.ThrowsAny<ConfigException>(() => Read(show));

    [Fact]
    public void Reference_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(CuesSettings.Reference, "nethub", c => CuesSettings.FromConfig(c.GetConfig("nethub")));

    [Fact]
    public void Defaults_NoListsNoScenesNoPanic_FiftyStepsPerSecond()
    {
        CuesSettings settings = Read(string.Empty);

        Assert.Empty(settings.CueLists);
        Assert.Empty(settings.Scenes);
        Assert.Empty(settings.Panic);
        Assert.Equal(50, settings.Cues.FadeRate);
        Assert.Null(settings.Cues.SnapshotFile);
        Assert.Empty(settings.ReferencedEndpoints);
    }

    [Fact]
    public void SnapshotFile_IsThePathWritten_AndBlankMeansNone()
    {
        Assert.Equal("show.snapshots.json", Read("nethub.cues.snapshot-file = \" show.snapshots.json \"").Cues.SnapshotFile);
        Assert.Null(Read("nethub.cues.snapshot-file = \"  \"").Cues.SnapshotFile);
    }

    [Fact]
    public void Show_IsReadInConfigOrder_WithEveryActionKind()
    {
        CuesSettings settings = Read("""
            nethub {
              scenes.look { fade = 2s, values { "td:/gain" = 0.5, "td:/pos" = [0.1, 0.2] } }
              cue-lists {
                main { cues = [
                  { number = 1, name = "Walk-in", pre-wait = 500ms, post-wait = 1s, continue = auto-follow,
                    actions = [{ send = "td:/go", args = [1, "x"] }, { set = "lights:/master", value = 0.5 }, { scene = look, fade = 3s }] }
                  { number = 2.5, actions = [{ go = fx }, { stop = fx }] }
                ] }
                fx { cues = [] }
              }
              panic { td = [{ address = "/stop" }] }
            }
            """);

        Assert.Equal(["main", "fx"], settings.CueLists.Select(l => l.Name));
        CueDefinition first = settings.CueLists[0].Cues[0];
        Assert.Equal(("1", "Walk-in", CueContinue.AutoFollow), (first.Number, first.Name, first.Continue));
        Assert.Equal(TimeSpan.FromMilliseconds(500), first.PreWait);
        Assert.Equal(TimeSpan.FromSeconds(1), first.PostWait);
        Assert.Equal(2, Assert.IsType<SendAction>(first.Actions[0]).Arguments.Count);
        Assert.Equal(ValueTarget.Parse("lights:/master"), Assert.IsType<SetAction>(first.Actions[1]).Target);
        Assert.Equal(TimeSpan.FromSeconds(3), Assert.IsType<SceneAction>(first.Actions[2]).Fade);
        CueDefinition second = settings.CueLists[0].Cues[1];
        Assert.Equal("2.5", second.Number);
        Assert.Equal(CueContinue.None, second.Continue);
        Assert.Equal("fx", Assert.IsType<GoAction>(second.Actions[0]).List);
        Assert.Equal("fx", Assert.IsType<StopAction>(second.Actions[1]).List);
        SceneDefinition look = Assert.Single(settings.Scenes);
        Assert.Equal(TimeSpan.FromSeconds(2), look.Fade);
        Assert.Equal(2, look.Values[1].Value.Count);
        Assert.Equal(new PanicMessage("td", "/stop", []), Assert.Single(settings.Panic));
    }

    [Fact]
    public void ReferencedEndpoints_NameEveryEndpointWithWhereItIsWritten()
    {
        CuesSettings settings = Read("""
            nethub {
              scenes.look { values { "td:/gain" = 0.5 } }
              cue-lists.main.cues = [
                { number = 1, actions = [{ send = "audio:/go" }, { set = "lights:/master", value = 1 }] }
              ]
              panic { desk = [{ address = "/stop" }] }
            }
            """);

        Assert.Equal(["td", "audio", "lights", "desk"], settings.ReferencedEndpoints.Select(e => e.Endpoint));
        Assert.StartsWith("show.conf:2:", settings.ReferencedEndpoints[0].Where, StringComparison.Ordinal);
        Assert.Contains("nethub.scenes.look.values.\"td:/gain\"", settings.ReferencedEndpoints[0].Where, StringComparison.Ordinal);
        Assert.StartsWith("show.conf:4:", settings.ReferencedEndpoints[1].Where, StringComparison.Ordinal);
        Assert.Contains("nethub.cue-lists.main.cues[0].actions[0].send", settings.ReferencedEndpoints[1].Where, StringComparison.Ordinal);
        Assert.StartsWith("show.conf:6:", settings.ReferencedEndpoints[3].Where, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateCueNumber_IsRefusedAtTheSecond_NamingTheFirst()
    {
        ConfigException ex = Refused("""
            nethub.cue-lists.main.cues = [
              { number = 1 }
              { number = 1 }
            ]
            """);

        Assert.StartsWith("show.conf:3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.cue-lists.main.cues[1].number", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cue 1 is already at show.conf:2:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadTargetText_IsRefusedWithAnExample()
    {
        ConfigException ex = Refused("""
            nethub.cue-lists.main.cues = [
              { number = 1, actions = [{ send = "td/gain" }] }
            ]
            """);

        Assert.StartsWith("show.conf:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.cue-lists.main.cues[0].actions[0].send", ex.Message, StringComparison.Ordinal);
        Assert.Contains("endpoint:/address (for example td:/mixer/ch/1/gain)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"td/gain\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadSceneTarget_IsRefusedAtItsKey()
    {
        ConfigException ex = Refused("nethub.scenes.look {\n  values { \"gain\" = 1 }\n}");

        Assert.StartsWith("show.conf:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.scenes.look.values.gain: expected a target written endpoint:/address", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSceneInACue_IsRefusedWithTheScenesThatExist()
    {
        ConfigException ex = Refused("""
            nethub.scenes.look { values { "td:/gain" = 1 } }
            nethub.cue-lists.main.cues = [
              { number = 1, actions = [{ scene = blue }] }
            ]
            """);

        Assert.StartsWith("show.conf:3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.cue-lists.main.cues[0].actions[0].scene", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(look)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownListInAGoAction_IsRefused()
    {
        ConfigException ex = Refused("nethub.cue-lists.main.cues = [\n  { number = 1, actions = [{ go = side }] }\n]");

        Assert.StartsWith("show.conf:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a cue list under nethub.cue-lists (main)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pre-wait = -1s", "pre-wait", "negative")]
    [InlineData("post-wait = infinite", "post-wait", "finite")]
    [InlineData("continue = later", "continue", "none, auto-continue or auto-follow")]
    [InlineData("pre-wiat = 1s", "pre-wiat", "number, name, pre-wait, post-wait, continue, actions")]
    [InlineData("actions = [{ send = \"td:/a\", set = \"td:/b\", value = 1 }]", "set", "one action per object")]
    [InlineData("actions = [{ set = \"td:/b\" }]", "value", "the value to set")]
    [InlineData("actions = [{ sned = \"td:/b\" }]", "sned", "exactly one of send, set, scene, go or stop")]
    public void BadCue_IsRefusedAtItsLineWithTheKeyAndTheFix(string cue, string key, string expected)
    {
        ConfigException ex = Refused($"nethub.cue-lists.main.cues = [\n  {{ number = 1, {cue} }}\n]");

        Assert.StartsWith("show.conf:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nethub.cues.fade-rate = 0", "from 1 to 1000")]
    [InlineData("nethub.panic.td = [{ address = \"stop\" }]", "starting with /")]
    [InlineData("nethub.panic.td = { address = \"/stop\" }", "a list of messages")]
    [InlineData("nethub.scenes.look { fade = -2s, values {} }", "negative")]
    [InlineData("nethub.cue-lists.main { cue = [] }", "one of the keys of a cue list: cues")]
    public void OtherMistakes_AreRefusedWithTheirLocation(string show, string expected)
    {
        ConfigException ex = Refused(show);

        Assert.StartsWith("show.conf:1:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
