using NetHub.TestKit;

namespace NetHub.Node.Tests;

/// <summary>The real executable: start, clean stop on SIGTERM and Ctrl+C, refusal of a bad configuration.</summary>
[Trait("Category", "Integration")]
public sealed class NodeProcessTests : IDisposable
{
    private static readonly TimeSpan StartLimit = TestTime.Dilated(TimeSpan.FromSeconds(30));
    private readonly string _dir = Directory.CreateTempSubdirectory("nethub-node-").FullName;

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public void Run_ShippedConfiguration_StartsAndStopsCleanlyOnSignal(string signal)
    {
        using ExternalProcess node = NodeProcess.Start("run");
        string started = node.WaitForLine("started: actor system 'nethub'", StartLimit);
        Assert.Contains("Node 'test-node'", started, StringComparison.Ordinal);
        Assert.Contains("Press Ctrl+C to stop", started, StringComparison.Ordinal);

        node.Signal(signal);

        Assert.Equal(0, node.WaitForExit(StartLimit));
        Assert.Contains("stopping: /user/hub/endpoints first", node.Output, StringComparison.Ordinal);
        Assert.Contains("Node 'test-node' stopped", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BrokenConfiguration_ExitsWithOneLineNamingFileLineAndColumn()
    {
        string file = Path.Combine(_dir, "show.conf");
        File.WriteAllText(file, "nethub.node {\n  log-level = loud\n}\n");
        using ExternalProcess node = NodeProcess.Start("run", "--config", file);

        Assert.Equal(NodeCli.ExitBadConfig, node.WaitForExit(StartLimit));
        string line = Assert.Single(node.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{file}:2:15: nethub.node.log-level: expected trace, debug, information, warning, error or critical", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithSetOverride_UsesIt()
    {
        using ExternalProcess node = NodeProcess.Start("run", "--set", "nethub.node.name=stage-left", "--set", "nethub.node.system-name=show");
        Assert.Contains("Node 'stage-left' started: actor system 'show'", node.WaitForLine("started: actor system", StartLimit), StringComparison.Ordinal);
        node.Signal("TERM");
        Assert.Equal(0, node.WaitForExit(StartLimit));
    }

    [Fact]
    public void Run_ReceivesOscFromLiblo_AndLogsItAtDebug()
    {
        int port = FreePort.Udp();
        using ExternalProcess node = NodeProcess.Start("run", "--set", "nethub.node.log-level=debug", "--set", $"nethub.endpoints.osc-in.bind=\":{port}\"");
        node.WaitForLine($"Endpoint 'osc-in' (osc-udp) listening on [::]:{port}", StartLimit);

        using (ExternalProcess oscsend = ExternalProcess.Start("oscsend", ["localhost", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "/cue/go", "i", "12"]))
        {
            Assert.Equal(0, oscsend.WaitForExit(StartLimit));
        }

        Assert.Matches(@"osc-in <- 127\.0\.0\.1:\d+ /cue/go 12", node.WaitForLine("/cue/go", StartLimit));
        node.Signal("TERM");
        Assert.Equal(0, node.WaitForExit(StartLimit));
        Assert.Contains("Endpoint 'osc-in' stopped", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_PrintsTheNodeVersion()
    {
        using ExternalProcess node = NodeProcess.Start("--version");
        Assert.Equal(0, node.WaitForExit(StartLimit));
        Assert.Equal(NodeCli.Version, node.Output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+(\+[0-9a-f]+)?$", NodeCli.Version);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
