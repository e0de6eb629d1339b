using System.Reflection;

namespace NetHub.Configuration.Tests;

public sealed partial class ConfigTests
{
    [Fact]
    public void Include_QuotedFile_MergesAtThePointOfInclusion()
    {
        var files = new Dictionary<string, string> { ["extra.conf"] = "a = from-include\nb = from-include\nobj { y = 2 }" };

        Config config = Hocon.Resolve("a = before\nobj { x = 1 }\ninclude \"extra.conf\"\nb = after", files: files);

        Assert.Equal("from-include", config.GetString("a"));
        Assert.Equal("after", config.GetString("b"));
        Assert.Equal(["x", "y"], config.GetConfig("obj").Keys);
        Assert.Equal(new ConfigOrigin("extra.conf", 1, 5), config.GetOrigin("a"));
    }

    [Fact]
    public void Include_InsideObject_NestsUnderThatKey()
    {
        var files = new Dictionary<string, string> { ["inner.conf"] = "x = 10" };

        Config config = Hocon.Resolve("a { include \"inner.conf\"\n y = 2 }", files: files);

        Assert.Equal(10, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.False(config.HasPath("x"));
    }

    [Theory]
    [InlineData("include \"x.conf\"")]
    [InlineData("include file(\"x.conf\")")]
    [InlineData("include required(\"x.conf\")")]
    [InlineData("include required(file(\"x.conf\"))")]
    [InlineData("include required( file( \"x.conf\" ) )")]
    [InlineData("include\n  \"x.conf\"")]
    public void Include_EverySyntax_ReadsTheFile(string statement)
    {
        var files = new Dictionary<string, string> { ["x.conf"] = "v = 1" };

        Assert.Equal(1, Hocon.Resolve(statement, files: files).GetInt("v"));
    }

    [Fact]
    public void Include_MissingOptionalFile_IsIgnored()
    {
        Config config = Hocon.Resolve("a = 1\ninclude \"missing.conf\"\ninclude file(\"missing.conf\")\nb = 2");

        Assert.Equal(["a", "b"], config.Keys);
    }

    [Fact]
    public void Include_MissingRequiredFile_IsErrorAtTheInclude()
    {
        var error = Assert.Throws<ConfigParseException>(() => Hocon.Parse("a = 1\ninclude required(\"conf/missing.conf\")"));

        Assert.Equal("test.conf:2:1: expected file \"conf/missing.conf\" (required include), got nothing (it does not exist)", error.Message);
    }

    [Fact]
    public void Include_RelativeName_ResolvesAgainstTheIncludingFilesDirectory()
    {
        var files = new Dictionary<string, string>
        {
            ["conf/main.conf"] = "include \"sub/a.conf\"",
            ["conf/sub/a.conf"] = "include \"../b.conf\"\na = 1",
            ["conf/b.conf"] = "b = 2",
        };

        Config config = Config.ParseFile("conf/main.conf", Hocon.Options(files)).Resolve(Hocon.Env());

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal("conf/b.conf", config.GetOrigin("b")?.Source);
    }

    [Fact]
    public void Include_Cycle_IsError()
    {
        var files = new Dictionary<string, string>
        {
            ["main.conf"] = "include \"b.conf\"",
            ["b.conf"] = "x = 1\ninclude \"main.conf\"",
        };

        var error = Assert.Throws<ConfigParseException>(() => Config.ParseFile("main.conf", Hocon.Options(files)));

        Assert.Equal("b.conf:2:1: expected no include cycle, got main.conf -> b.conf -> main.conf", error.Message);
    }

    [Fact]
    public void Include_DeeperThanLimit_IsError()
    {
        var files = new Dictionary<string, string>();
        for (int i = 0; i < 20; i++)
        {
            files[$"f{i}.conf"] = $"k{i} = {i}\ninclude \"f{i + 1}.conf\"";
        }

        Config.ParseFile("f0.conf", Hocon.Options(files) with { MaxIncludeDepth = 25 });
        var error = Assert.Throws<ConfigParseException>(() => Config.ParseFile("f0.conf", Hocon.Options(files)));

        Assert.Equal("f16.conf:2:1: expected includes nested at most 16 deep, got include of \"f17.conf\" at depth 17", error.Message);
    }

    [Fact]
    public void Include_SubstitutionsInIncludedFile_AreRelativeToTheIncludePoint()
    {
        var files = new Dictionary<string, string> { ["foo.conf"] = "x = 10\ny = ${x}\nz = ${top}" };

        Config config = Hocon.Resolve("a { include \"foo.conf\" }\na { x = 42 }\ntop = root-value", files: files);

        Assert.Equal(42, config.GetInt("a.y"));
        Assert.Equal("root-value", config.GetString("a.z"));
    }

    [Fact]
    public void Include_SameFileManyTimes_StopsAtTheTotalTextLimit()
    {
        var files = new Dictionary<string, string> { ["big.conf"] = "x = " + new string('y', 100) };
        string text = string.Concat(Enumerable.Repeat("include \"big.conf\"\n", 10));

        Config.Parse(text, "main.conf", Hocon.Options(files) with { MaxTextLength = 1000 });
        var error = Assert.Throws<ConfigParseException>(() => Config.Parse(text, "main.conf", Hocon.Options(files) with { MaxTextLength = 250 }));

        Assert.Equal("main.conf:8:1: expected at most 1000 characters in all included files together, got more when including \"big.conf\"", error.Message);
    }

    [Fact]
    public void Include_RootArray_IsError()
    {
        var files = new Dictionary<string, string> { ["list.conf"] = "[1, 2]" };

        var error = Assert.Throws<ConfigParseException>(() => Hocon.Parse("include \"list.conf\"", files));

        Assert.Equal("list.conf:1:1: expected an object at the root of the file, got '['", error.Message);
    }

    [Fact]
    public void Include_UnsupportedKind_IsError()
    {
        var error = Assert.Throws<ConfigParseException>(() => Hocon.Parse("include classpath(\"x.conf\")"));

        Assert.Equal("test.conf:1:9: expected include \"name\", file(\"name\") or required(...), got 'classpath(' (only files can be included)", error.Message);
    }

    [Fact]
    public void ParseFile_RealFilesInSubdirectory_IncludeRelativeToEachFile()
    {
        string root = Directory.CreateTempSubdirectory("nethub-config-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "conf", "parts"));
            File.WriteAllText(Path.Combine(root, "conf", "nethub.conf"), "include \"parts/osc.conf\"\nnethub.name = stage-left\n");
            File.WriteAllText(Path.Combine(root, "conf", "parts", "osc.conf"), "nethub.osc.port = 9000\ninclude required(\"../shared.conf\")\n");
            File.WriteAllText(Path.Combine(root, "conf", "shared.conf"), "nethub.shared = yes\n");
            string mainPath = Path.Combine(root, "conf", "nethub.conf");

            Config config = Config.ParseFile(mainPath).Resolve(Hocon.Env());

            Assert.Equal(9000, config.GetInt("nethub.osc.port"));
            Assert.True(config.GetBoolean("nethub.shared"));
            Assert.Equal("stage-left", config.GetString("nethub.name"));
            Assert.Equal(mainPath, config.GetOrigin("nethub.name")?.Source);
            Assert.Equal(Path.Combine(root, "conf", "shared.conf"), config.GetOrigin("nethub.shared")?.Source);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ParseFile_MissingFile_IsParseError()
    {
        var error = Assert.Throws<ConfigParseException>(() => Config.ParseFile("nowhere/nethub.conf", Hocon.Options(null)));

        Assert.Equal("expected a configuration file at \"nowhere/nethub.conf\", got nothing (it does not exist)", error.Message);
    }

    [Fact]
    public void ParseResource_EmbeddedReference_ParsesWithResourceOrigin()
    {
        Config config = Config.ParseResource(Assembly.GetExecutingAssembly(), "sample-reference.conf").Resolve(Hocon.Env());

        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetDuration("sample.cue-timeout"));
        Assert.Equal(["8000", "9000"], config.GetStringList("sample.ports"));
        Assert.Equal(new ConfigOrigin("resource:sample-reference.conf", 4, 17), config.GetOrigin("sample.cue-timeout"));
        Assert.Throws<ConfigParseException>(() => Config.ParseResource(Assembly.GetExecutingAssembly(), "no-such.conf"));
    }
}
