using System.Text.Json;
using Microsoft.Extensions.Logging;
using NetHub.Osc;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Hub.Cues.Tests;

/// <summary>Scene snapshots kept in nethub.cues.snapshot-file: written at every snapshot, read back at start.</summary>
public sealed class SceneSnapshotFileTests : CuesTestKit
{
    private static readonly ValueTarget Gain = ValueTarget.Parse("td:/gain");
    private static readonly ValueTarget Pos = ValueTarget.Parse("td:/pos");
    private static readonly ValueTarget Dim = ValueTarget.Parse("lights:/dim");

    private readonly string _directory = Directory.CreateTempSubdirectory("nethub-snapshots-").FullName;

    public SceneSnapshotFileTests(ITestOutputHelper output)
        : base(output)
    {
    }

    private string FilePath => Path.Combine(_directory, "show.snapshots.json");

    private string Show(string? file = null) => $$"""
        nethub {
          cues.snapshot-file = "{{(file ?? FilePath).Replace("\\", "\\\\", StringComparison.Ordinal)}}"
          scenes {
            look { values { "td:/gain" = 1.0, "td:/pos" = [0.5, "on"], "lights:/dim" = 100 } }
            dark { values { "td:/gain" = 0.0 } }
          }
        }
        """;

    [Fact]
    public void Snapshot_IsWrittenToTheFile_AndComesBackAfterARestart_WithEveryTypeExact()
    {
        IReadOnlyList<OscArgument> gain = [OscArgument.Float64(0.123456789012345)];
        IReadOnlyList<OscArgument> pos = [OscArgument.Int64(1L << 40), OscArgument.Blob(new byte[] { 1, 2, 3 }), OscArgument.True];
        Start(Show(), new Dictionary<ValueTarget, IReadOnlyList<OscArgument>> { [Gain] = gain, [Pos] = pos });

        string answer = Ok(new SceneSnapshot("look")).Message;

        Assert.Equal($"scene look: stored the current values of 2 of 3 target(s); kept the stored value of lights:/dim (no current value known); saved in {FilePath}", answer);
        using (JsonDocument file = JsonDocument.Parse(File.ReadAllText(FilePath)))
        {
            JsonElement look = file.RootElement.GetProperty("scenes").GetProperty("look");
            Assert.Equal("nethub-scene-snapshots/1", file.RootElement.GetProperty("format").GetString());
            Assert.Equal(Clock.GetUtcNow(), look.GetProperty("saved").GetDateTimeOffset());
            Assert.Equal(["td:/gain", "td:/pos", "lights:/dim"], look.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("target").GetString()));
            Assert.False(file.RootElement.GetProperty("scenes").TryGetProperty("dark", out _), "a scene never snapshotted is not written");
        }

        Restart(Show());

        Assert.True(Logs.Contains(LogLevel.Information, $"Scene snapshots read from {FilePath}: look (3 of 3 value(s), stored"));
        Assert.Equal(Clock.GetUtcNow(), Status().Scenes.Single(s => s.Name == "look").Stored);
        Assert.Null(Status().Scenes.Single(s => s.Name == "dark").Stored);
        TestProbe router = _router!;
        Ok(new SceneRecall("look", TimeSpan.Zero));
        Assert.Equal(gain, ExpectSet(router, "td:/gain", Lane.Reliable).Value);
        Assert.Equal(pos, ExpectSet(router, "td:/pos", Lane.Reliable).Value);
        Assert.Equal([OscArgument.Int32(100)], ExpectSet(router, "lights:/dim", Lane.Reliable).Value);
    }

    [Fact]
    public void NoFileYet_TheShowValuesHold_AndTheFirstSnapshotCreatesIt()
    {
        TestProbe router = Start(Show());

        Assert.True(Logs.Contains(LogLevel.Information, $"No scene snapshots in {FilePath} yet"));
        Ok(new SceneRecall("dark", TimeSpan.Zero));
        Assert.Equal([OscArgument.Float32(0)], ExpectSet(router, "td:/gain", Lane.Reliable).Value);
        Assert.False(File.Exists(FilePath));

        router.Send(Cues, new ValueChanged(Gain, [OscArgument.Float32(0.4f)], "surface tablet"));
        Ok(new SceneSnapshot("dark"));
        Assert.True(File.Exists(FilePath));
        Assert.False(File.Exists(FilePath + ".writing"), "the temporary file is moved over the real one");
    }

    [Fact]
    public void AnUnreadableFile_IsMovedAside_AndTheScenesStartFromTheShow()
    {
        File.WriteAllText(FilePath, "{ this is not json");
        Logs.ExpectErrors(e => e.Message.Contains("could not be read", StringComparison.Ordinal));

        TestProbe router = Start(Show());

        Assert.True(Logs.Contains(LogLevel.Error, $"Scene snapshots in {FilePath} could not be read ("));
        Assert.True(Logs.Contains(LogLevel.Error, $"The file is now {FilePath}.unreadable"));
        Assert.Equal("{ this is not json", File.ReadAllText(FilePath + ".unreadable"));
        Assert.False(File.Exists(FilePath));
        Ok(new SceneRecall("dark", TimeSpan.Zero));
        Assert.Equal([OscArgument.Float32(0)], ExpectSet(router, "td:/gain", Lane.Reliable).Value);
    }

    [Fact]
    public void ScenesAndTargetsTheShowNoLongerHas_AreLeftOutAndNamed_AndTheRestApplies()
    {
        static string Entry(string target, string address, OscArgument value) =>
            $$"""{ "target": "{{target}}", "text": "x", "osc": "{{Convert.ToBase64String(OscCodec.Encode(new OscMessage(address, value)))}}" }""";
        File.WriteAllText(FilePath, $$"""
            {
              "format": "nethub-scene-snapshots/1",
              "scenes": {
                "dark": { "saved": "2026-11-20T19:30:00+00:00", "values": [
                  {{Entry("td:/gain", "/gain", OscArgument.Float32(0.25f))}},
                  {{Entry("td:/gone", "/gone", OscArgument.Int32(1))}},
                  {{Entry("td:/wrong", "/other", OscArgument.Int32(1))}}
                ] },
                "old": { "saved": "2026-11-20T19:30:00+00:00", "values": [] }
              }
            }
            """);

        TestProbe router = Start(Show());

        Assert.True(Logs.Contains(LogLevel.Information, $"Scene snapshots read from {FilePath}: dark (1 of 1 value(s), stored 2026-11-20 19:30:00Z)"));
        Assert.True(Logs.Contains(LogLevel.Warning, "dark: td:/wrong (needs \"target\" and an \"osc\" message to that address)"));
        Assert.True(Logs.Contains(LogLevel.Warning, "scene old (the show has no such scene)"));
        Assert.True(Logs.Contains(LogLevel.Warning, "dark: td:/gone (not in the scene any more)"));
        Ok(new SceneRecall("dark", TimeSpan.Zero));
        Assert.Equal([OscArgument.Float32(0.25f)], ExpectSet(router, "td:/gain", Lane.Reliable).Value);
    }

    [Fact]
    public void AFileThatCannotBeWritten_IsAnsweredCountedAndLogged_AndTheSnapshotStillHolds()
    {
        string missing = Path.Combine(_directory, "no-such-folder", "show.snapshots.json");
        Logs.ExpectErrors(e => e.Message.Contains("Scene snapshot NOT saved", StringComparison.Ordinal));
        TestProbe router = Start(Show(missing));
        Assert.True(Logs.Contains(LogLevel.Warning, $"Scene snapshots cannot be saved in {missing}: the folder {Path.GetDirectoryName(missing)} does not exist"));
        router.Send(Cues, new ValueChanged(Gain, [OscArgument.Float32(0.4f)], "surface tablet"));

        string answer = Ok(new SceneSnapshot("dark")).Message;

        Assert.StartsWith($"scene dark: stored the current values of 1 of 1 target(s); NOT saved in {missing} (", answer);
        Assert.EndsWith("): the snapshot holds until the node stops", answer);
        Assert.True(Logs.Contains(LogLevel.Error, $"Scene snapshot NOT saved in {missing}"));
        Assert.Equal(1, Status().SnapshotSaveFailures);
        Ok(new SceneRecall("dark", TimeSpan.Zero));
        Assert.Equal([OscArgument.Float32(0.4f)], ExpectSet(router, "td:/gain", Lane.Reliable).Value);
    }

    private TestProbe? _router;

    /// <summary>Stops the cues actor and starts a new one on <paramref name="show"/>, as a node restart would.</summary>
    private void Restart(string show)
    {
        TestActor.Watch(Cues);
        Sys.Stop(Cues);
        TestActor.ExpectTerminated(Cues);
        _router = Start(show, routerName: "router-after-restart");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
