namespace NetHub.Configuration.Tests;

public sealed partial class ConfigTests
{
    [Fact]
    public void Parse_DottedKeys_CreateNestedObjects()
    {
        Config config = Hocon.Resolve("a.b.c = 1\na.b.d = 2");

        Assert.Equal(1, config.GetInt("a.b.c"));
        Assert.Equal(2, config.GetConfig("a.b").GetInt("d"));
        Assert.Equal(["c", "d"], config.GetConfig("a.b").Keys);
    }

    [Fact]
    public void Parse_QuotedKeySegment_KeepsTheDot()
    {
        Config config = Hocon.Resolve("\"a.b\" = 1\nx.\"y.z\".w = 2");

        Assert.Equal(["a.b", "x"], config.Keys);
        Assert.Equal(1, config.GetInt("\"a.b\""));
        Assert.Equal(2, config.GetInt("x.\"y.z\".w"));
        Assert.False(config.HasPath("a.b"));
    }

    [Fact]
    public void Parse_AllSeparators_AssignTheSame()
    {
        Config config = Hocon.Resolve("a : 1\nb = 2\nc { d = 3 }\ne : { f = 4 }");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal(3, config.GetInt("c.d"));
        Assert.Equal(4, config.GetInt("e.f"));
    }

    [Fact]
    public void Parse_RootBraces_AreOptional()
    {
        Assert.Equal(Hocon.Dump(Hocon.Resolve("a = 1\nb = x")), Hocon.Dump(Hocon.Resolve("{ a = 1, b = x }")));
    }

    [Fact]
    public void Parse_CommasNewlinesAndTrailingComma_SeparateFields()
    {
        Config config = Hocon.Resolve("a = 1, b = 2\nc = 3,\n\n d = 4,");

        Assert.Equal(["a", "b", "c", "d"], config.Keys);
    }

    [Theory]
    [InlineData("a = 1,, b = 2", "test.conf:1:7")]
    [InlineData("{ , a = 1 }", "test.conf:1:3")]
    [InlineData("x = [1,,2]", "test.conf:1:8")]
    [InlineData("x = [,1]", "test.conf:1:6")]
    public void Parse_MisplacedComma_IsErrorAtTheComma(string text, string position)
    {
        var error = Assert.Throws<ConfigParseException>(() => Hocon.Parse(text));

        Assert.StartsWith(position + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RepeatedObjects_Merge()
    {
        Config config = Hocon.Resolve("a { x = 1, y = 1 }\na { y = 2, z = 3 }");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.Equal(3, config.GetInt("a.z"));
        Assert.Equal(["x", "y", "z"], config.GetConfig("a").Keys);
    }

    [Fact]
    public void Parse_LaterNonObject_ReplacesObjectAndLaterObjectReplacesNonObject()
    {
        Config config = Hocon.Resolve("a { x = 1 }\na = 5\nb = 5\nb { y = 2 }");

        Assert.Equal(5, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b.y"));
        Assert.Equal(["y"], config.GetConfig("b").Keys);
    }

    [Fact]
    public void Parse_NullBetweenObjects_PreventsTheMerge()
    {
        Config config = Hocon.Resolve("foo { a = 42 }\nfoo = null\nfoo { b = 43 }");

        Assert.Equal(["b"], config.GetConfig("foo").Keys);
    }

    [Fact]
    public void Parse_Arrays_AcceptCommasNewlinesAndATrailingComma()
    {
        Config config = Hocon.Resolve("a = [1, 2, 3,]\nb = [\n  1\n  2\n  3\n]\nc = []\nd = [[1], [2, [3]]]");

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
        Assert.Equal(["1", "2", "3"], config.GetStringList("b"));
        Assert.Empty(config.GetStringList("c"));
        Assert.Equal("[[Number \"1\",],[Number \"2\",[Number \"3\",],],]", Hocon.Dump(config.Root["d"]));
    }

    [Fact]
    public void Parse_QuotedStringEscapes_AreDecoded()
    {
        Config config = Hocon.Resolve(@"a = ""q\"" b\\ s\/ \b\f\n\r\t \u0041\u00e9""");

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t Aé", config.GetString("a"));
    }

    [Theory]
    [InlineData(@"a = ""\x""", "test.conf:1:6")]
    [InlineData(@"a = ""\u12G4""", "test.conf:1:10")]
    [InlineData("a = \"open\nb = 1", "test.conf:1:10")]
    public void Parse_BadQuotedString_IsErrorWithPosition(string text, string position)
    {
        var error = Assert.Throws<ConfigParseException>(() => Hocon.Parse(text));

        Assert.StartsWith(position + ": a: expected ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TripleQuotedString_IsRawAndSpansLines()
    {
        Config config = Hocon.Resolve("a = \"\"\"line \\n one\n  \"two\" # not a comment\"\"\"\nb = \"\"\"ends in a quote\"\"\"\"\nc = 1");

        Assert.Equal("line \\n one\n  \"two\" # not a comment", config.GetString("a"));
        Assert.Equal("ends in a quote\"", config.GetString("b"));
        Assert.Equal(1, config.GetInt("c"));
    }

    [Fact]
    public void Parse_Comments_AreIgnoredOutsideQuotes()
    {
        Config config = Hocon.Resolve("# heading\na = 1 # trailing\n// slashes\nb = \"# kept // too\" // gone\nc = x//y");

        Assert.Equal(["a", "b", "c"], config.Keys);
        Assert.Equal("# kept // too", config.GetString("b"));
        Assert.Equal("x", config.GetString("c"));
    }

    [Fact]
    public void Parse_Numbers_KeepTheirTypeAndText()
    {
        Config config = Hocon.Resolve("i = 42\nn = -7\nl = 9000000000\nd = 3.25\ne = 1e3\nf = 2.5E+2\ng = 1.5e-3");

        Assert.Equal(42, config.GetInt("i"));
        Assert.Equal(-7, config.GetInt("n"));
        Assert.Equal(9_000_000_000L, config.GetLong("l"));
        Assert.Equal(3.25, config.GetDouble("d"));
        Assert.Equal(1000, config.GetInt("e"));
        Assert.Equal(250.0, config.GetDouble("f"));
        Assert.Equal(0.0015, config.GetDouble("g"));
        Assert.Equal("2.5E+2", config.GetString("f"));
        Assert.Equal("{\"i\":Number \"42\",\"n\":Number \"-7\",\"l\":Number \"9000000000\",\"d\":Number \"3.25\",\"e\":Number \"1e3\",\"f\":Number \"2.5E+2\",\"g\":Number \"1.5e-3\",}", Hocon.Dump(config));
    }

    [Fact]
    public void Parse_NumberFollowedByText_IsAString()
    {
        Config config = Hocon.Resolve("a = 10s\nb = 1.0.0\nc = truefoo");

        Assert.Equal("{\"a\":String \"10s\",\"b\":String \"1.0.0\",\"c\":String \"truefoo\",}", Hocon.Dump(config));
    }

    [Fact]
    public void Parse_UnquotedConcatenation_KeepsWhitespaceBetweenValues()
    {
        Config config = Hocon.Resolve("a =   foo  bar \"baz  qux\" 10 true   \nb = \"x\"\"y\"");

        Assert.Equal("foo  bar baz  qux 10 true", config.GetString("a"));
        Assert.Equal("xy", config.GetString("b"));
    }

    [Fact]
    public void Parse_ArrayAndObjectConcatenation_CombineValues()
    {
        Config config = Hocon.Resolve("a = [1, 2] [3]\nb = { x = 1 } { y = 2, x = 3 }");

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
        Assert.Equal(3, config.GetInt("b.x"));
        Assert.Equal(2, config.GetInt("b.y"));
    }

    [Fact]
    public void Parse_StringConcatenatedWithObject_IsError()
    {
        var error = Assert.Throws<ConfigParseException>(() => Hocon.Parse("a = foo { b = 1 }"));

        Assert.Equal("test.conf:1:9: a: expected only strings, only arrays or only objects in a concatenation, got an object after a string", error.Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("\"true\"", true)]
    [InlineData("On", true)]
    public void GetBoolean_AllSpellings_Convert(string text, bool expected)
    {
        Assert.Equal(expected, Hocon.Resolve("a = " + text).GetBoolean("a"));
    }

    [Fact]
    public void Parse_Null_IsNotAPathButIsNull()
    {
        Config config = Hocon.Resolve("a = null\nb = 1");

        Assert.False(config.HasPath("a"));
        Assert.True(config.IsNull("a"));
        Assert.False(config.IsNull("b"));
        Assert.False(config.IsNull("missing"));
        Assert.False(config.HasPath("missing"));
        Assert.Equal(["b"], config.Keys);
        Assert.Equal(["a", "b"], config.LeafPaths());
    }

    [Fact]
    public void Parse_WhitespaceInsideKey_IsPartOfTheKey()
    {
        Config config = Hocon.Resolve("a b c : 42\nfoo include = 1");

        Assert.Equal(42, config.GetInt("\"a b c\""));
        Assert.Equal(1, config.GetInt("\"foo include\""));
    }

    [Fact]
    public void Parse_IncludeAsValue_IsAnOrdinaryString()
    {
        Config config = Hocon.Resolve("a = include\nb = [include]\n\"include\" = 3");

        Assert.Equal("include", config.GetString("a"));
        Assert.Equal(["include"], config.GetStringList("b"));
        Assert.Equal(3, config.GetInt("\"include\""));
    }

    [Fact]
    public void Parse_EmptyText_IsAnEmptyConfig()
    {
        Config config = Hocon.Resolve("  \n# only a comment\n");

        Assert.True(config.IsEmpty);
        Assert.Empty(config.Keys);
        Assert.True(Config.Empty.IsEmpty);
    }

    [Fact]
    public void Parse_NewlineAfterSeparator_IsAllowed()
    {
        Assert.Equal(5, Hocon.Resolve("a =\n  5").GetInt("a"));
    }

    [Theory]
    [InlineData("a = 1 @", "test.conf:1:7: a: expected a key or value, got reserved character '@' (put text containing it in double quotes)")]
    [InlineData("a {\n  b = 1\n  c = ^\n}", "test.conf:3:7: a.c: expected a key or value, got reserved character '^' (put text containing it in double quotes)")]
    [InlineData("a = 1\nb = }", "test.conf:2:5: b: expected a value, got '}'")]
    [InlineData("a = 1 }", "test.conf:1:7: expected a key or end of file ('}' without a matching '{'), got '}'")]
    [InlineData("a b", "test.conf:1:4: \"a b\": expected ':', '=' or '{' after the key, got end of file")]
    [InlineData("a = 1 : 2", "test.conf:1:7: expected ',' or a newline after the field, got ':'")]
    [InlineData("a.\"\".b = 1\na..b = 2", "test.conf:2:1: expected a key such as a.b (an empty key element must be quoted), got 'a..b'")]
    [InlineData("[1, 2]", "test.conf:1:1: expected an object at the root of the file, got '['")]
    [InlineData("{ a = 1 } b = 2", "test.conf:1:11: expected end of file after the closing '}' of the root object, got 'b'")]
    [InlineData("x = ${a..b}", "test.conf:1:5: x: expected a path such as a.b inside ${...}, got '${a..b}' (an empty path element must be quoted)")]
    [InlineData("${a} = 1", "test.conf:1:1: expected a key (substitutions are not allowed in keys), got substitution ${a}")]
    [InlineData("a = [1, 2", "test.conf:1:10: a: expected ']' to close the array opened at 1:5, got end of file")]
    public void Parse_BadToken_ReportsPositionKeyAndExpectation(string text, string message)
    {
        var error = Assert.Throws<ConfigParseException>(() => Hocon.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_UnclosedObject_NamesWhereItWasOpened()
    {
        var error = Assert.Throws<ConfigParseException>(() => Hocon.Parse("{\n  a = 1\n  nethub {\n    b = 2\n", origin: "nethub.conf"));

        Assert.Equal("nethub.conf:5:1: nethub: expected '}' to close the object opened at 3:10, got end of file", error.Message);
        Assert.Equal(new ConfigOrigin("nethub.conf", 5, 1), error.Origin);
        Assert.Equal("nethub", error.KeyPath);
    }

    [Fact]
    public void Parse_UnclosedRootObject_HasNoKeyPath()
    {
        var error = Assert.Throws<ConfigParseException>(() => Hocon.Parse("{\n  a = 1\n", origin: "nethub.conf"));

        Assert.Equal("nethub.conf:3:1: expected '}' to close the object opened at 1:1, got end of file", error.Message);
        Assert.Null(error.KeyPath);
    }

    [Fact]
    public void Parse_TextLongerThanLimit_IsError()
    {
        var options = new ConfigParseOptions { MaxTextLength = 10 };

        var error = Assert.Throws<ConfigParseException>(() => Config.Parse("a = 12345678901", "big.conf", options));

        Assert.Equal("big.conf:1:1: expected at most 10 characters, got 15 characters", error.Message);
    }

    [Fact]
    public void Parse_NestingDeeperThanLimit_IsError()
    {
        var options = new ConfigParseOptions { MaxDepth = 3 };

        Config.Parse("a { b { c = [1] } }\nx.y.z.w = 1", "d.conf", options);
        var error = Assert.Throws<ConfigParseException>(() => Config.Parse("a { b { c { d { } } } }", "d.conf", options));

        Assert.Equal("d.conf:1:15: a.b.c.d: expected at most 3 levels of nesting, got deeper nesting", error.Message);
        Assert.Throws<ConfigParseException>(() => Config.Parse("x.y.z.w.v = 1", "d.conf", options));
    }
}
