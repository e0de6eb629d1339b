using System.Globalization;
using NetHub.TestKit;

namespace NetHub.Node.Tests;

/// <summary>
/// The control commands through the real executable against a real node process: <c>nethub status</c> prints the
/// tables, <c>nethub cue go</c> fires a cue whose message reaches liblo's oscdump, refusals exit 1 with the reason,
/// and no node at all exits 3 with what to do.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ControlCliTests : IDisposable
{
    private static readonly TimeSpan Limit = TestTime.Dilated(TimeSpan.FromSeconds(30));
    private readonly string _directory = Directory.CreateTempSubdirectory("nethub-control-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts <c>nethub run</c> with the control test show and waits until the node has started.</summary>
    private ExternalProcess StartNode(int tdPort, int controlPort, params string[] more)
    {
        string file = Path.Combine(_directory, "show.conf");
        File.WriteAllText(file, ControlNode.Show(tdPort));
        ExternalProcess node = NodeProcess.Start(["run", "--config", file, "--set", "nethub.node.name=test-node", "--set", $"nethub.control.bind=\"127.0.0.1:{Text(controlPort)}\"", .. more]);
        try
        {
            node.WaitForLine($"Control API listening on http://127.0.0.1:{Text(controlPort)}", Limit);
            node.WaitForLine("Node 'test-node' started", Limit);
            return node;
        }
        catch
        {
            // A node that did not start must not outlive the test.
            node.Dispose();
            throw;
        }
    }

    private static (int Code, string Output) Nethub(params string[] args)
    {
        using ExternalProcess cli = NodeProcess.Start(args);
        int? code = cli.WaitForExit(Limit);
        Assert.True(code.HasValue, $"nethub {string.Join(' ', args)} did not exit:{Environment.NewLine}{cli.Output}");
        return (code.Value, cli.Output);
    }

    [Fact]
    public void Status_AgainstARunningNode_PrintsTheEndpointAndCueTables_AndRefusalsExit1()
    {
        int control = FreePort.Tcp();
        using ExternalProcess node = StartNode(FreePort.Udp(), control);
        string url = $"http://127.0.0.1:{Text(control)}";

        (int code, string output) = Nethub("status", "--control", url);

        Assert.True(code == NodeCli.ExitOk, output);
        Assert.Contains($"Node 'test-node'", output, StringComparison.Ordinal);
        string header = Assert.Single(output.Split('\n'), l => l.Contains("Endpoint", StringComparison.Ordinal) && l.Contains("State", StringComparison.Ordinal));
        foreach (string column in new[] { "Type", "In", "Out", "Errors", "Peers" })
        {
            Assert.Contains(column, header, StringComparison.Ordinal);
        }

        string td = Assert.Single(output.Split('\n'), l => l.Contains(" td ", StringComparison.Ordinal));
        Assert.Contains("osc-udp", td, StringComparison.Ordinal);
        Assert.Contains("Cue list 'main': standby 1 'House out'", output, StringComparison.Ordinal);
        Assert.Contains("Blackout", output, StringComparison.Ordinal);

        (int refused, string reason) = Nethub("cue", "goto", "7", "--control", url);
        Assert.Equal(1, refused);
        Assert.Contains("nethub cue goto: refused: GOTO main: no cue 7 in list main: cues are 1, 2", reason, StringComparison.Ordinal);

        (int badType, string typeReason) = Nethub("send", "td", "/x", "f", "loud", "--control", url);
        Assert.Equal(NodeCli.ExitBadConfig, badType);
        Assert.Contains("value #1 ('loud') is not a valid float", typeReason, StringComparison.Ordinal);
    }

    [Fact]
    public void SceneSnapshot_IsKeptInTheSnapshotFile_AndReadBackWhenTheNodeStartsAgain()
    {
        string snapshots = Path.Combine(_directory, "show.snapshots.json");
        string[] keep = ["--set", $"nethub.cues.snapshot-file=\"{snapshots.Replace("\\", "\\\\", StringComparison.Ordinal)}\""];
        int control = FreePort.Tcp();
        string url = $"http://127.0.0.1:{Text(control)}";
        using (ExternalProcess node = StartNode(FreePort.Udp(), control, keep))
        {
            node.WaitForLine($"No scene snapshots in {snapshots} yet", Limit);
            (int code, string output) = Nethub("scene", "snapshot", "dark", "--control", url);
            Assert.True(code == NodeCli.ExitOk, output);
            Assert.Contains($"saved in {snapshots}", output, StringComparison.Ordinal);
        }

        // The first node was killed, not stopped: the file was complete when the snapshot was answered.
        Assert.Contains("\"td:/master\"", File.ReadAllText(snapshots), StringComparison.Ordinal);
        control = FreePort.Tcp();
        url = $"http://127.0.0.1:{Text(control)}";
        using ExternalProcess again = StartNode(FreePort.Udp(), control, keep);
        again.WaitForLine($"Scene snapshots read from {snapshots}: dark (1 of 1 value(s), stored", Limit);
        (int status, string table) = Nethub("status", "--control", url);
        Assert.True(status == NodeCli.ExitOk, table);
        Assert.Contains("Scenes: dark (snapshot 20", table, StringComparison.Ordinal);
    }

    [Fact]
    public void CueGo_FiresTheCue_WhoseSendReachesOscdump_AndSendToo()
    {
        int app = FreePort.Udp();
        using ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", Text(app)]);
        AwaitListening(oscdump, app);
        int control = FreePort.Tcp();
        using ExternalProcess node = StartNode(app, control);
        string url = $"http://127.0.0.1:{Text(control)}";

        (int code, string output) = Nethub("cue", "go", "--list", "main", "--control", url);

        Assert.True(code == NodeCli.ExitOk, output);
        Assert.Contains("GO main: cue 1 'House out' fired; standby 2 'Blackout'", output, StringComparison.Ordinal);
        Assert.EndsWith("/cue/fired is 1 \"house out\"", oscdump.WaitForLine("/cue/fired", Limit), StringComparison.Ordinal);

        (code, output) = Nethub("send", "td", "/from/cli", "ds", "0.5", "hello", "--control", url);
        Assert.True(code == NodeCli.ExitOk, output);
        Assert.EndsWith("/from/cli ds 0.500000 \"hello\"", oscdump.WaitForLine("/from/cli", Limit), StringComparison.Ordinal);
        node.WaitForLine("Control API command from api 127.0.0.1", Limit);
    }

    [Fact]
    public void CueGotoBackAndPanic_ThroughTheCli_DriveTheNode_AndThePanicMessageReachesOscdump()
    {
        int app = FreePort.Udp();
        using ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", Text(app)]);
        AwaitListening(oscdump, app);
        int control = FreePort.Tcp();
        using ExternalProcess node = StartNode(app, control, "--set", "nethub.panic.td = [{ address = \"/panic/stop\", args = [1] }]");
        string url = $"http://127.0.0.1:{Text(control)}";

        (int code, string output) = Nethub("cue", "goto", "2", "--control", url);
        Assert.True(code == NodeCli.ExitOk, output);
        Assert.Contains("GOTO main: cue 2 'Blackout' fired; standby: none (end of list)", output, StringComparison.Ordinal);
        Assert.EndsWith("/master f 0.000000", oscdump.WaitForLine("/master", Limit), StringComparison.Ordinal);

        (code, output) = Nethub("cue", "back", "--control", url);
        Assert.True(code == NodeCli.ExitOk, output);
        Assert.Contains("BACK main: standby 2 'Blackout'", output, StringComparison.Ordinal);

        (code, output) = Nethub("panic", "--control", url);
        Assert.True(code == NodeCli.ExitOk, output);
        Assert.Contains("PANIC: stopped 0 cue(s) and 0 fade(s); sent td: /panic/stop 1", output, StringComparison.Ordinal);
        Assert.EndsWith("/panic/stop i 1", oscdump.WaitForLine("/panic/stop", Limit), StringComparison.Ordinal);
        node.WaitForLine("PANIC pressed by api 127.0.0.1", Limit);
    }

    [Fact]
    public void Status_NoNode_Exits3WithWhatToDo()
    {
        string url = $"http://127.0.0.1:{Text(FreePort.Tcp())}";

        (int code, string output) = Nethub("status", "--control", url);

        Assert.Equal(3, code);
        Assert.Contains($"nethub status: no node is listening at {url}: start one with `nethub run`, or pass --control", output, StringComparison.Ordinal);
    }

    /// <summary>oscdump prints nothing when it is ready: send it probes until one shows (bounded), so no cue is lost.</summary>
    private static void AwaitListening(ExternalProcess oscdump, int port)
    {
        long deadline = Environment.TickCount64 + (long)Limit.TotalMilliseconds;
        do
        {
            using (ExternalProcess probe = NodeProcess.Start("osc", "send", $"127.0.0.1:{Text(port)}", "/probe"))
            {
                probe.WaitForExit(Limit);
            }

            if (SpinWait.SpinUntil(() => oscdump.Lines.Any(l => l.Contains("/probe", StringComparison.Ordinal)), TimeSpan.FromMilliseconds(500)))
            {
                return;
            }
        }
        while (Environment.TickCount64 < deadline);

        throw new Xunit.Sdk.XunitException("oscdump never received the probe");
    }
}
