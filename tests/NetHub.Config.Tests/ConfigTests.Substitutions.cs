namespace NetHub.Configuration.Tests;

public sealed partial class ConfigTests
{
    [Fact]
    public void Resolve_Substitution_CopiesTheValueWithItsType()
    {
        Config config = Hocon.Resolve("a = 5\nb = ${a}\nc = ${obj}\nobj { x = [1, 2] }\nd = ${obj.x}");

        Assert.Equal(5, config.GetInt("b"));
        Assert.Equal("{\"x\":[Number \"1\",Number \"2\",],}", Hocon.Dump(config.Root["c"]));
        Assert.Equal(["1", "2"], config.GetStringList("d"));
    }

    [Fact]
    public void Parse_Substitutions_StayUnresolvedUntilResolve()
    {
        Config parsed = Hocon.Parse("a = ${b}\nc = 1");

        Assert.False(parsed.IsResolved);
        Assert.Equal(1, parsed.GetInt("c"));
        var error = Assert.Throws<ConfigValueException>(() => parsed.GetString("a"));
        Assert.Equal("test.conf:1:5: a: expected a resolved value (call Resolve() before reading), got substitution ${b}", error.Message);
        Assert.True(parsed.WithFallback(Hocon.Parse("b = 2")).Resolve(Hocon.Env()).IsResolved);
    }

    [Fact]
    public void Resolve_ReferenceToFallback_SeesTheFallbackValue()
    {
        Config app = Hocon.Parse("nethub.port = ${defaults.port}\nnethub.host = ${?defaults.host}");
        Config reference = Hocon.Parse("defaults.port = 9000\ndefaults.host = localhost", origin: "reference.conf");

        Config config = app.WithFallback(reference).Resolve(Hocon.Env());

        Assert.Equal(9000, config.GetInt("nethub.port"));
        Assert.Equal("localhost", config.GetString("nethub.host"));
        Assert.Equal(new ConfigOrigin("reference.conf", 1, 17), config.GetOrigin("nethub.port"));
    }

    [Fact]
    public void Resolve_OptionalMissing_LeavesTheFieldUnset()
    {
        Config config = Hocon.Resolve("a = ${?nope}\nb = 1\nb = ${?nope}\nc = [1, ${?nope}, 2]");

        Assert.False(config.HasPath("a"));
        Assert.Equal(["b", "c"], config.Keys);
        Assert.Equal(1, config.GetInt("b"));
        Assert.Equal(["1", "2"], config.GetStringList("c"));
    }

    [Fact]
    public void Resolve_OptionalSubstitution_FallsBackToTheEnvironmentVariableOfThatName()
    {
        var environment = new Dictionary<string, string> { ["NETHUB_PORT"] = "7000", ["a.b"] = "dotted" };

        Config config = Hocon.Resolve("port = 9000\nport = ${?NETHUB_PORT}\nx = ${?a.b}\ny = ${?UNSET}", environment);

        Assert.Equal(7000, config.GetInt("port"));
        Assert.Equal("dotted", config.GetString("x"));
        Assert.False(config.HasPath("y"));
    }

    [Fact]
    public void Resolve_PlainSubstitutionNotInConfig_FallsBackToTheEnvironment()
    {
        var environment = new Dictionary<string, string> { ["HOME"] = "/home/show", ["EMPTY"] = string.Empty };

        Config config = Hocon.Resolve("dir = ${HOME}/cues\nempty = ${?EMPTY}", environment);

        Assert.Equal("/home/show/cues", config.GetString("dir"));
        Assert.False(config.HasPath("empty"));
    }

    [Fact]
    public void Resolve_KeySetToNullInConfig_BlocksTheEnvironment()
    {
        var environment = new Dictionary<string, string> { ["HOME"] = "/home/show" };

        Config config = Hocon.Resolve("HOME = null\ndir = ${HOME}\nlabel = \"home:\"${HOME}", environment);

        Assert.True(config.IsNull("dir"));
        Assert.Equal("home:", config.GetString("label"));
    }

    [Fact]
    public void Resolve_EnvironmentThatCannotBeRead_CountsAsUnset()
    {
        var options = new ConfigResolveOptions { Environment = _ => throw new System.Security.SecurityException("denied") };

        Config config = Hocon.Parse("a = ${?HOME}\nb = 1").Resolve(options);

        Assert.Equal(["b"], config.Keys);
    }

    [Fact]
    public void Resolve_DefaultEnvironment_IsTheProcessEnvironment()
    {
        string name = "NETHUB_CONFIG_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-process");
        try
        {
            Assert.Equal("from-process", Hocon.Parse($"a = ${{{name}}}").Resolve().GetString("a"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Resolve_SelfReferentialAppend_WithinOneFile()
    {
        Config config = Hocon.Resolve("path = [a]\npath = ${path} [b]\npath = ${?path} [c]\ns = x\ns = ${s}\" y\"");

        Assert.Equal(["a", "b", "c"], config.GetStringList("path"));
        Assert.Equal("x y", config.GetString("s"));
    }

    [Fact]
    public void Resolve_SelfReferenceWithNoEarlierValue_OptionalIsEmptyAndRequiredFails()
    {
        Config config = Hocon.Resolve("path = ${?path} \"x\"\nlist = ${?list} [1]");

        Assert.Equal("x", config.GetString("path"));
        Assert.Equal(["1"], config.GetStringList("list"));
        var error = Assert.Throws<ConfigResolveException>(() => Hocon.Resolve("a = 1\nb = ${b} [2]"));
        Assert.Equal("test.conf:2:5: b: could not resolve ${b}: it refers to its own field, which has no earlier value, and no environment variable \"b\" is set", error.Message);
    }

    [Fact]
    public void Resolve_SelfReferentialObject_MergesOverTheEarlierValue()
    {
        Config config = Hocon.Resolve("a { x = 1, b = 0 }\na = ${a} { b = 1 }\nc { list = [1] }\nc { list = ${c.list} [2] }");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(1, config.GetInt("a.b"));
        Assert.Equal(["1", "2"], config.GetStringList("c.list"));
    }

    [Fact]
    public void Resolve_SelfReferenceToAPathInside_ReadsTheValueBelow()
    {
        Config config = Hocon.Resolve("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");

        Assert.Equal("{\"foo\":{\"a\":Number \"2\",\"c\":Number \"1\",},}", Hocon.Dump(config));
    }

    [Fact]
    public void Resolve_SelfReferenceInFileOverFallback_SeesTheFallbackValue()
    {
        Config app = Hocon.Parse("plugins = ${plugins} [app]\nname = ${?name}-show\nmore += x");
        Config reference = Hocon.Parse("plugins = [core]\nname = nethub\nmore = [w]");

        Config config = app.WithFallback(reference).Resolve(Hocon.Env());

        Assert.Equal(["core", "app"], config.GetStringList("plugins"));
        Assert.Equal("nethub-show", config.GetString("name"));
        Assert.Equal(["w", "x"], config.GetStringList("more"));
    }

    [Fact]
    public void Resolve_PlusEquals_AppendsOrStartsAList()
    {
        Config config = Hocon.Resolve("a = [1]\na += 2\na += [3, 4]\nb += only\nc { d += x }\nc.d += y");

        Assert.Equal("[Number \"1\",Number \"2\",[Number \"3\",Number \"4\",],]", Hocon.Dump(config.Root["a"]));
        Assert.Equal(["only"], config.GetStringList("b"));
        Assert.Equal(["x", "y"], config.GetStringList("c.d"));
    }

    [Fact]
    public void Resolve_StringConcatenationWithSubstitutions_KeepsInnerWhitespace()
    {
        Config config = Hocon.Resolve("name = deck\nn = 2\nlabel = the  ${name} number ${n}\"!\"\nnull-part = a${nothing}b\nnothing = null");

        Assert.Equal("the  deck number 2!", config.GetString("label"));
        Assert.Equal("ab", config.GetString("null-part"));
    }

    [Fact]
    public void Resolve_ArrayAndObjectConcatenationWithSubstitutions_Combine()
    {
        Config config = Hocon.Resolve("base = [1, 2]\nall = ${base} [3] ${base}\nd { x = 1, y = 1 }\nmerged = ${d} { y = 2 }\nopt = ${?nope} [9]");

        Assert.Equal(["1", "2", "3", "1", "2"], config.GetStringList("all"));
        Assert.Equal(1, config.GetInt("merged.x"));
        Assert.Equal(2, config.GetInt("merged.y"));
        Assert.Equal(["9"], config.GetStringList("opt"));
    }

    [Fact]
    public void Resolve_MixedConcatenation_IsError()
    {
        var error = Assert.Throws<ConfigResolveException>(() => Hocon.Resolve("list = [1]\na = ${list} text"));

        Assert.Equal("test.conf:2:5: a: expected only strings, only arrays or only objects in a concatenation, got array with string \"text\"", error.Message);
    }

    [Fact]
    public void Resolve_ObjectReferringToItsOwnField_IsNotACycle()
    {
        Config config = Hocon.Resolve("bar : { foo : 42, baz : ${bar.foo} }\nx = ${y} { b = ${x.c}, c = 1 }\ny { a = 0 }");

        Assert.Equal(42, config.GetInt("bar.baz"));
        Assert.Equal(1, config.GetInt("x.b"));
        Assert.Equal(0, config.GetInt("x.a"));
    }

    [Fact]
    public void Resolve_Cycle_IsErrorNamingTheCycle()
    {
        var error = Assert.Throws<ConfigResolveException>(() => Hocon.Resolve("a = ${b}\nb = ${c}\nc = ${a}", null));

        Assert.Equal("test.conf:1:5: a: substitution cycle: ${b} -> ${c} -> ${a} -> ${b}", error.Message);
        Assert.Equal("a", error.KeyPath);
    }

    [Fact]
    public void Resolve_ObjectContainingReferenceToItself_IsACycle()
    {
        var error = Assert.Throws<ConfigResolveException>(() => Hocon.Resolve("a { b = ${a} }"));

        Assert.Equal("test.conf:1:9: a.b: substitution cycle: ${a} -> ${a}", error.Message);
    }

    [Fact]
    public void Resolve_UnresolvedSubstitution_IsErrorWithPosition()
    {
        var error = Assert.Throws<ConfigResolveException>(() => Hocon.Resolve("nethub {\n  actors {\n    timeout = ${defaults.timeout}\n  }\n}"));

        Assert.Equal("test.conf:3:15: nethub.actors.timeout: could not resolve ${defaults.timeout}: no such key in the configuration and no environment variable \"defaults.timeout\" is set", error.Message);
        Assert.Equal(new ConfigOrigin("test.conf", 3, 15), error.Origin);
    }

    [Fact]
    public void Resolve_SubstitutionsDoublingTheirSize_StopAtTheExpansionLimit()
    {
        var text = new System.Text.StringBuilder("v0 = xxxxxxxxxxxxxxxx\n");
        for (int i = 1; i < 40; i++)
        {
            text.Append($"v{i} = ${{v{i - 1}}}${{v{i - 1}}}\n");
        }

        var error = Assert.Throws<ConfigResolveException>(() => Hocon.Resolve(text.ToString()));

        Assert.Contains("expected substitutions that expand to at most", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LongSubstitutionChain_IsErrorNotACrash()
    {
        var forward = new System.Text.StringBuilder();
        var backward = new System.Text.StringBuilder("v0 = 1\n");
        for (int i = 1; i < 200; i++)
        {
            forward.Append($"v{i} = ${{v{i + 1}}}\n");
            backward.Append($"v{i} = ${{v{i - 1}}}\n");
        }

        forward.Append("v200 = 1\n");

        var error = Assert.Throws<ConfigResolveException>(() => Hocon.Resolve(forward.ToString()));
        Assert.StartsWith("test.conf:65:7: v65: expected substitutions chained at most 64 deep", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Hocon.Resolve(backward.ToString()).GetInt("v199"));
    }

    [Fact]
    public void Resolve_ManySelfAppends_DoNotOverflowTheStack()
    {
        var text = new System.Text.StringBuilder("list = []\n");
        for (int i = 0; i < 3000; i++)
        {
            text.Append($"list += {i}\n");
        }

        Assert.Equal(3000, Hocon.Resolve(text.ToString()).GetStringList("list").Count);
    }
}
