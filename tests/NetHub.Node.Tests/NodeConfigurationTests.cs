using NetHub.Configuration;

namespace NetHub.Node.Tests;

public sealed class NodeConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nethub-config-").FullName;

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void NoFiles_GivesTheReferenceDefaults()
    {
        NodeConfiguration c = NodeConfiguration.Load([], []);
        Assert.Equal("nethub", c.Node.SystemName);
        Assert.Equal(TimeSpan.FromSeconds(10), c.Actors.ShutdownTimeout);
        Assert.Empty(c.Sources);
    }

    [Fact]
    public void ExampleShow_LoadsAndWiresEverything()
    {
        string example = Path.Combine(RepositoryRoot(), "hocon", "examples", "show.conf");

        NodeConfiguration c = NodeConfiguration.Load([example], []);

        Assert.Equal(["tablet", "td", "lights"], c.Endpoints.Select(e => e.Name));
        Assert.Equal("touchosc", Assert.Single(c.Hub.Surfaces).Name);
        Assert.Equal("effects", Assert.Single(c.Hub.Router.Routes).Name);
        Assert.Equal(["1", "2", "3", "4"], Assert.Single(c.Hub.Cues.CueLists).Cues.Select(q => q.Number));
    }

    [Fact]
    public void Show_NamingAnEndpointThatDoesNotExist_IsRefusedWithWhere()
    {
        string file = Write("show.conf", """
            nethub.endpoints.td { type = osc-udp, remote = "127.0.0.1:7000" }
            nethub.cue-lists.main.cues = [{ number = 1, actions = [{ send = "qlab:/go" }] }]
            """);

        ConfigException error = Assert.ThrowsAny<ConfigException>(() => NodeConfiguration.Load([file], []));

        Assert.Contains("show.conf:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("names endpoint 'qlab', which is not configured (endpoints are td)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("cmd")]
    public void Commands_OnAnOscEndpoint_AreRefused_WithWhereAndWhatToDoInstead(string protocol)
    {
        string file = Write("show.conf", $$"""
            nethub.endpoints.osc-in { type = osc-udp, bind = ":8000" }
            nethub.endpoints.panel { type = tcp-server, bind = ":9100" }
            nethub.commands.{{protocol}} = [panel, osc-in]
            """);

        ConfigException error = Assert.ThrowsAny<ConfigException>(() => NodeConfiguration.Load([file], []));

        Assert.Contains("show.conf:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"commands.{protocol}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'osc-in' is an osc-udp endpoint, which receives OSC", error.Message, StringComparison.Ordinal);
        Assert.Contains("send it OSC commands under /nethub instead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_OnTextEndpoints_AreTaken()
    {
        string file = Write("show.conf", """
            nethub.endpoints.panel { type = tcp-server, bind = ":9100" }
            nethub.endpoints.props { type = udp, bind = ":9200" }
            nethub.endpoints.desk { type = tcp-client, remote = "127.0.0.1:9300" }
            nethub.commands { json = [panel, desk], cmd = [props] }
            """);

        NodeConfiguration c = NodeConfiguration.Load([file], []);

        Assert.Equal(["panel", "desk"], c.Hub.Router.Commands.Json);
        Assert.Equal(["props"], c.Hub.Router.Commands.Cmd);
    }

    private static string RepositoryRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "NetHub.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("NetHub.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Layers_ReferenceThenFilesInOrderThenOverrides()
    {
        string a = Write("a.conf", "nethub.node { name = a, stop-timeout = 1s }\nnethub.actors.stash-capacity = 5\n");
        string b = Write("b.conf", "nethub.node.name = b\n");

        NodeConfiguration c = NodeConfiguration.Load([a, b], ["nethub.actors.stash-capacity = 7"]);

        Assert.Equal("b", c.Node.Name);
        Assert.Equal(TimeSpan.FromSeconds(1), c.Node.StopTimeout);
        Assert.Equal(7, c.Actors.StashCapacity);
        Assert.Equal([Path.GetFullPath(a), Path.GetFullPath(b), "--set nethub.actors.stash-capacity = 7"], c.Sources);
    }

    [Fact]
    public void OptionalEnvironmentSubstitution_FallsBackToTheDefaultWhenUnset()
    {
        string file = Write("show.conf", "nethub.node.name = ${?SHOW_NODE}\n");
        var env = new Dictionary<string, string> { ["SHOW_NODE"] = "projection" };

        NodeConfiguration withEnv = NodeConfiguration.Load([file], [], new ConfigResolveOptions { Environment = env.GetValueOrDefault });
        NodeConfiguration without = NodeConfiguration.Load([file], [], new ConfigResolveOptions { Environment = _ => null });

        Assert.Equal("projection", withEnv.Node.Name);
        Assert.Equal(Environment.MachineName, without.Node.Name);
    }

    [Fact]
    public void Include_IsRelativeToTheIncludingFile()
    {
        Write("shows/common/actors.conf", "nethub.actors.shutdown-timeout = 3s\n");
        string main = Write("shows/main.conf", "include \"common/actors.conf\"\nnethub.node.name = main\n");

        NodeConfiguration c = NodeConfiguration.Load([main], []);

        Assert.Equal(TimeSpan.FromSeconds(3), c.Actors.ShutdownTimeout);
        Assert.Equal("main", c.Node.Name);
    }

    [Fact]
    public void ShippedConfiguration_IsValid()
    {
        NodeConfiguration c = NodeConfiguration.Load([NodeConfiguration.DefaultFile], []);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, c.Node.LogLevel);
    }

    [Fact]
    public void UnresolvedSubstitution_IsRefusedWithItsLocation()
    {
        string file = Write("show.conf", "nethub.node.name = ${show.name}\n");
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => NodeConfiguration.Load([file], [], new ConfigResolveOptions { Environment = _ => null }));
        Assert.Contains($"{file}:1:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("show.name", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
