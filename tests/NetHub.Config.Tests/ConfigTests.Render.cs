namespace NetHub.Configuration.Tests;

public sealed partial class ConfigTests
{
    [Fact]
    public void Render_ThenParse_GivesTheSameLeafPathsAndValues()
    {
        Config config = Hocon.Resolve(ShowConfig + """

            "odd key" { "a.b" = "line\nbreak", "" = "", "include" = "true", n = null, e = [], o {} }
            numbers = [1, -2.5, 1e+3, 0]
            nested = [[1, [2]], [{ x = 1 }], {}]
            """);

        Config reparsed = Config.Parse(config.Render(), "rendered.conf").Resolve(Hocon.Env());

        Assert.Equal(config.LeafPaths(), reparsed.LeafPaths());
        Assert.Equal(Hocon.Dump(config), Hocon.Dump(reparsed));
        Assert.Equal("fast", reparsed.GetString("nethub.actors.throughput"));
    }

    [Fact]
    public void Render_EachLeaf_IsFollowedByItsOrigin()
    {
        Config app = Hocon.Parse("nethub.name = stage-left", origin: "nethub.conf");
        Config reference = Hocon.Parse("nethub {\n  name = default\n  port = 9000\n}", origin: "reference.conf");

        string rendered = app.WithFallback(reference).Resolve(Hocon.Env()).Render();

        Assert.Equal("nethub {\n  name = stage-left # nethub.conf:1\n  port = 9000 # reference.conf:3\n}\n", rendered);
    }

    [Fact]
    public void Render_StringsThatWouldReadBackDifferently_AreQuoted()
    {
        Config config = Hocon.Resolve("a = \"true\"\nb = \"10\"\nc = \"x // y\"\nd = plain-text.v2\ne = \"\"\nf = \"${x}\"\ng = \"10s\"\nh = \"1e5\"");

        string rendered = config.Render();

        Assert.Contains("a = \"true\"", rendered, StringComparison.Ordinal);
        Assert.Contains("b = \"10\"", rendered, StringComparison.Ordinal);
        Assert.Contains("c = \"x // y\"", rendered, StringComparison.Ordinal);
        Assert.Contains("d = plain-text.v2 #", rendered, StringComparison.Ordinal);
        Assert.Contains("e = \"\"", rendered, StringComparison.Ordinal);
        Assert.Contains("f = \"${x}\"", rendered, StringComparison.Ordinal);
        Assert.Contains("g = 10s #", rendered, StringComparison.Ordinal);
        Assert.Contains("h = \"1e5\"", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Unresolved_IsError()
    {
        var error = Assert.Throws<ConfigValueException>(() => Hocon.Parse("a = ${b}").Render());

        Assert.Contains("call Resolve() before Render()", error.Message, StringComparison.Ordinal);
    }
}
