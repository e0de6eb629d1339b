namespace NetHub.Configuration.Tests;

public sealed partial class ConfigTests
{
    private const string ShowConfig = """
        nethub {
          actors {
            throughput = fast
            shutdown-timeout = 5s
          }
          endpoints = [
            { name = osc-in, port = 8000 }
            { name = mqtt, port = 1883 }
          ]
          tags = [stage, "front of house", 3]
        }
        """;

    [Fact]
    public void GetString_NumbersAndBooleans_ReadAsWritten()
    {
        Config config = Hocon.Resolve("a = 1.50\nb = true\nc = \"text\"");

        Assert.Equal("1.50", config.GetString("a"));
        Assert.Equal("true", config.GetString("b"));
        Assert.Equal("text", config.GetString("c"));
    }

    [Theory]
    [InlineData("{ x = 1 }", "object")]
    [InlineData("[1]", "array")]
    [InlineData("null", "null")]
    public void GetString_NonScalar_IsTypeError(string value, string got)
    {
        var error = Assert.Throws<ConfigValueException>(() => Hocon.Resolve("a = " + value).GetString("a"));

        Assert.Equal($"test.conf:1:5: a: expected a string, got {got}", error.Message);
        Assert.Equal("a string", error.Expected);
        Assert.Equal(got, error.Got);
    }

    [Fact]
    public void GetNumbers_FromNumbersAndNumericStrings_Convert()
    {
        Config config = Hocon.Resolve("i = \"12\"\nl = 1e10\nd = \"2.5\"\nw = 4.0");

        Assert.Equal(12, config.GetInt("i"));
        Assert.Equal(10_000_000_000, config.GetLong("l"));
        Assert.Equal(2.5, config.GetDouble("d"));
        Assert.Equal(4, config.GetInt("w"));
    }

    [Fact]
    public void GetInt_WrongType_IsErrorWithOriginAndFullPath()
    {
        Config config = Hocon.Resolve(ShowConfig, files: null);

        var error = Assert.Throws<ConfigValueException>(() => config.GetConfig("nethub.actors").GetInt("throughput"));

        Assert.Equal("test.conf:3:18: nethub.actors.throughput: expected a number, got string \"fast\"", error.Message);
        Assert.Equal(new ConfigOrigin("test.conf", 3, 18), error.Origin);
        Assert.Equal("nethub.actors.throughput", error.KeyPath);
    }

    [Theory]
    [InlineData("3000000000", "GetInt", "expected a whole number from -2147483648 to 2147483647, got number 3000000000")]
    [InlineData("1.5", "GetInt", "expected a whole number from -2147483648 to 2147483647, got number 1.5")]
    [InlineData("99999999999999999999", "GetLong", "expected a whole number from -9223372036854775808 to 9223372036854775807, got number 99999999999999999999")]
    [InlineData("1e999", "GetDouble", "expected a finite number, got number 1e999")]
    [InlineData("maybe", "GetBoolean", "expected a boolean (true/false, yes/no or on/off), got string \"maybe\"")]
    public void GetNumberOrBoolean_OutOfRange_IsError(string value, string getter, string message)
    {
        Config config = Hocon.Resolve("v = " + value);

        Action read = getter switch
        {
            "GetInt" => () => config.GetInt("v"),
            "GetLong" => () => config.GetLong("v"),
            "GetDouble" => () => config.GetDouble("v"),
            _ => () => config.GetBoolean("v"),
        };

        Assert.Equal("test.conf:1:5: v: " + message, Assert.Throws<ConfigValueException>(read).Message);
    }

    [Fact]
    public void GetDuration_MissingKey_NamesTheFullPathAndEnclosingObject()
    {
        Config actors = Hocon.Resolve("nethub {\n  actors {\n    throughput = 5\n  }\n}", files: null).GetConfig("nethub.actors");

        var error = Assert.Throws<ConfigValueException>(() => actors.GetDuration("shutdown-timeout"));

        Assert.Equal("test.conf:2:10: nethub.actors.shutdown-timeout: missing (no value in any configuration file)", error.Message);
        Assert.Equal("nethub.actors", actors.Path);
    }

    [Fact]
    public void Get_MissingKeyInEmptyConfig_HasNoOrigin()
    {
        var error = Assert.Throws<ConfigValueException>(() => Config.Empty.GetString("nethub.name"));

        Assert.Equal("nethub.name: missing (no value in any configuration file)", error.Message);
        Assert.Null(error.Origin);
    }

    [Fact]
    public void Get_PathThroughANonObject_SaysWhatBlocksIt()
    {
        var error = Assert.Throws<ConfigValueException>(() => Hocon.Resolve("a = 5").GetString("a.b"));

        Assert.Equal("test.conf:1:5: a.b: missing (a is number 5, not an object)", error.Message);
    }

    [Fact]
    public void Get_MalformedPath_IsValueError()
    {
        var error = Assert.Throws<ConfigValueException>(() => Hocon.Resolve("a = 5").GetString("a..b"));

        Assert.Equal("a..b: expected a path such as a.b.c (quote elements that contain dots or special characters), got \"a..b\"", error.Message);
    }

    [Fact]
    public void GetConfig_NonObject_IsTypeErrorWithFullPath()
    {
        Config nethub = Hocon.Resolve(ShowConfig).GetConfig("nethub");

        var error = Assert.Throws<ConfigValueException>(() => nethub.GetConfig("tags"));

        Assert.Equal("test.conf:10:10: nethub.tags: expected an object, got array", error.Message);
        Assert.Throws<ConfigValueException>(() => nethub.GetConfig("nothing"));
    }

    [Fact]
    public void GetStringList_MixedScalars_ReadAsStrings()
    {
        Assert.Equal(["stage", "front of house", "3"], Hocon.Resolve(ShowConfig).GetStringList("nethub.tags"));
    }

    [Fact]
    public void GetStringList_ObjectElement_IsErrorNamingTheIndex()
    {
        var error = Assert.Throws<ConfigValueException>(() => Hocon.Resolve(ShowConfig).GetStringList("nethub.endpoints"));

        Assert.Equal("test.conf:7:5: nethub.endpoints[0]: expected a string, got object", error.Message);
    }

    [Fact]
    public void GetConfigList_Objects_AreViewsWithIndexedPaths()
    {
        IReadOnlyList<Config> endpoints = Hocon.Resolve(ShowConfig).GetConfigList("nethub.endpoints");

        Assert.Equal(2, endpoints.Count);
        Assert.Equal("nethub.endpoints[1]", endpoints[1].Path);
        Assert.Equal(1883, endpoints[1].GetInt("port"));
        var error = Assert.Throws<ConfigValueException>(() => endpoints[0].GetInt("name"));
        Assert.Equal("test.conf:7:14: nethub.endpoints[0].name: expected a number, got string \"osc-in\"", error.Message);
        Assert.Throws<ConfigValueException>(() => Hocon.Resolve(ShowConfig).GetConfigList("nethub.tags"));
    }

    [Fact]
    public void GetConfig_OnUnresolvedConfig_GivesAnUnresolvedView()
    {
        Config view = Hocon.Parse("a { b = ${c}, d = 1 }\nc = 2").GetConfig("a");

        Assert.False(view.IsResolved);
        Assert.Equal("a", view.Path);
        Assert.Equal(1, view.GetInt("d"));
        Assert.Throws<ConfigValueException>(() => view.GetInt("b"));
    }

    [Fact]
    public void WithFallback_ResolvedConfigs_StayResolved()
    {
        Config merged = Hocon.Resolve("a { x = 1 }").WithFallback(Hocon.Resolve("a { y = 2 }\nb = 3"));

        Assert.True(merged.IsResolved);
        Assert.Equal("{\"a\":{\"y\":Number \"2\",\"x\":Number \"1\",},\"b\":Number \"3\",}", Hocon.Dump(merged));
        Assert.Same(merged, merged.WithFallback(Config.Empty));
        Assert.Equal(Hocon.Dump(merged), Hocon.Dump(Config.Empty.WithFallback(merged)));
    }

    [Fact]
    public void Keys_FollowFirstDefinitionOrderAcrossFallbacks()
    {
        Config app = Hocon.Parse("z = 1\nb = 2\nnew = 3");
        Config reference = Hocon.Parse("a = 0\nb = 0\nz = 0");

        Assert.Equal(["a", "b", "z", "new"], app.WithFallback(reference).Keys);
        Assert.Equal(["z", "b", "new"], app.Keys);
    }

    [Fact]
    public void LeafPaths_ListsNonObjectValuesQuotedWhereNeeded()
    {
        Config config = Hocon.Resolve("a { b = 1, \"c.d\" = [1], e = null, f { } }\n\"include\" = 2\n\"\" = 3\n\"sp ace\" = 4");

        Assert.Equal(["a.b", "a.\"c.d\"", "a.e", "\"include\"", "\"\"", "\"sp ace\""], config.LeafPaths());
        Assert.Equal(["b", "\"c.d\"", "e"], config.GetConfig("a").LeafPaths());
        Assert.All(config.LeafPaths(), path => Assert.True(config.HasPath(path) || config.IsNull(path)));
    }

    [Fact]
    public void Track_RecordsFullPathsOfLeavesReadThroughTheViewAndItsChildren()
    {
        var log = new ConfigReadLog();
        Config tracked = Hocon.Resolve(ShowConfig + "\nother = 1").Track(log);

        tracked.GetConfig("nethub.actors").GetDuration("shutdown-timeout");
        tracked.GetStringList("nethub.tags");
        IReadOnlyList<Config> endpoints = tracked.GetConfigList("nethub.endpoints");
        endpoints[0].GetInt("port");
        tracked.GetConfig("nethub").GetConfig("actors").GetString("throughput");
        tracked.GetConfig("nethub.actors").GetDuration("shutdown-timeout");
        tracked.HasPath("other");

        Assert.Equal(
            ["nethub.actors.shutdown-timeout", "nethub.tags", "nethub.endpoints", "nethub.endpoints[0].port", "nethub.actors.throughput"],
            log.Paths);
    }

    [Fact]
    public void Track_UntrackedConfig_RecordsNothing()
    {
        var log = new ConfigReadLog();
        Config config = Hocon.Resolve("a = 1");
        config.Track(log);

        config.GetInt("a");

        Assert.Empty(log.Paths);
    }

    [Fact]
    public void Error_ExistingKey_CarriesTheValueOrigin()
    {
        Config actors = Hocon.Resolve(ShowConfig).GetConfig("nethub.actors");

        ConfigException error = actors.Error("throughput", "one of slow, normal");

        Assert.IsType<ConfigValueException>(error);
        Assert.Equal("test.conf:3:18: nethub.actors.throughput: expected one of slow, normal, got string \"fast\"", error.Message);
        Assert.Equal("test.conf:3:18: nethub.actors.throughput: expected a port, got 70000", actors.Error("throughput", "a port", "70000").Message);
    }

    [Fact]
    public void Error_MissingKey_CarriesTheEnclosingObjectOrigin()
    {
        Config actors = Hocon.Resolve(ShowConfig).GetConfig("nethub.actors");

        ConfigException error = actors.Error("dispatcher", "a dispatcher name");

        Assert.Equal("test.conf:2:10: nethub.actors.dispatcher: expected a dispatcher name, got nothing (the key is missing)", error.Message);
        Assert.Equal(new ConfigOrigin("test.conf", 2, 10), error.Origin);
    }

    [Fact]
    public void GetOrigin_PointsAtTheValue()
    {
        Config config = Hocon.Resolve(ShowConfig);

        Assert.Equal(new ConfigOrigin("test.conf", 4, 24), config.GetOrigin("nethub.actors.shutdown-timeout"));
        Assert.Equal("test.conf:4:24", config.GetOrigin("nethub.actors.shutdown-timeout")!.ToString());
        Assert.Null(config.GetOrigin("nethub.nothing"));
    }
}
