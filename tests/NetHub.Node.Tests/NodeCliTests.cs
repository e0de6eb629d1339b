namespace NetHub.Node.Tests;

public sealed class NodeCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nethub-cli-").FullName;

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await NodeCli.InvokeAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task ConfigCheck_ValidFile_PrintsResolvedConfigurationWithOrigins()
    {
        string file = Write("show.conf", "nethub.node.name = foh\nnethub.actors.shutdown-timeout = 4s\n");

        var (code, output, error) = await Run("config", "check", file);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("name = foh # " + file + ":1", output, StringComparison.Ordinal);
        Assert.Contains("shutdown-timeout = 4s # " + file + ":2", output, StringComparison.Ordinal);
        Assert.Contains("stash-capacity = 10000 # resource:NetHub.Actors.reference.conf", output, StringComparison.Ordinal);
        Assert.Contains("is valid (node 'foh')", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_SyntaxError_NamesLineAndColumn()
    {
        string file = Write("broken.conf", "nethub {\n  node {\n    name = \"unterminated\n  }\n}\n");

        var (code, output, error) = await Run("config", "check", file);

        Assert.Equal(NodeCli.ExitBadConfig, code);
        Assert.Equal(string.Empty, output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"nethub: configuration refused: {file}:3:25: nethub.node.name: expected '\"' to close the string opened at 3:12, got newline", line);
    }

    [Fact]
    public async Task ConfigCheck_BadValue_NamesKeyAndExpectation()
    {
        string file = Write("bad.conf", "nethub.actors {\n  mailboxes.faders { capacity = 10, full-mode = sometimes, push-timeout = 0s }\n}\n");

        var (code, _, error) = await Run("config", "check", file);

        Assert.Equal(NodeCli.ExitBadConfig, code);
        Assert.Contains($"{file}:2:", error, StringComparison.Ordinal);
        Assert.Contains("nethub.actors.mailboxes.faders.full-mode: expected wait, drop-oldest or drop-newest", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_MissingFile_IsRefused()
    {
        var (code, _, error) = await Run("config", "check", Path.Combine(_dir, "nope.conf"));
        Assert.Equal(NodeCli.ExitBadConfig, code);
        Assert.Contains("nope.conf: configuration file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_SetOverridesTheFile()
    {
        string file = Write("show.conf", "nethub.node.name = foh\n");
        var (code, output, _) = await Run("config", "check", file, "--set", "nethub.node.name=monitor-world");
        Assert.Equal(0, code);
        Assert.Contains("name = monitor-world # --set #1:1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetWithoutEquals_IsRefusedWithAnExample()
    {
        string file = Write("show.conf", "nethub.node.name = foh\n");
        var (code, _, error) = await Run("config", "check", file, "--set", "nethub.node.name");
        Assert.Equal(NodeCli.ExitBadConfig, code);
        Assert.Contains("expected key=value, for example --set nethub.node.name=stage-left", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--help" }, "run")]
    [InlineData(new[] { "run", "--help" }, "--set")]
    [InlineData(new[] { "config", "check", "--help" }, "FILE")]
    public async Task Help_IsAvailableOnEveryCommand(string[] args, string expected)
    {
        var (code, output, _) = await Run(args);
        Assert.Equal(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAnError()
    {
        var (code, _, error) = await Run("fly");
        Assert.NotEqual(0, code);
        Assert.Contains("fly", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
