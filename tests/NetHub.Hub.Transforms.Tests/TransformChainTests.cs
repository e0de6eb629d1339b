using NetHub.Configuration;
using NetHub.Osc;
using static NetHub.Hub.Transforms.Tests.Chains;

namespace NetHub.Hub.Transforms.Tests;

public sealed class TransformChainTests
{
    [Fact]
    public void Apply_RunsStagesInTheOrderWritten()
    {
        Assert.Equal(3, Map("{ type = scale, factor = 2 }, { type = scale, offset = 1 }", 1));
        Assert.Equal(4, Map("{ type = scale, offset = 1 }, { type = scale, factor = 2 }", 1));
    }

    [Fact]
    public void Apply_FaderToDecibelsInSteps_ComposesMapCurveAndStep() =>
        Assert.Equal(-60 + (66 * 0.24025307335204216), Map("{ type = curve, shape = exp }, { type = map, in = [0, 1], out = [-60, 6] }", 0.5), 9);

    [Theory]
    [InlineData("[{ type = map, in = [0, 1], out = [-60, 6] }, { type = curve, shape = log }, { type = repetition-filter }]", false)]
    [InlineData("[{ type = map, in = [0, 1], out = [0, 1] }, { type = smooth, method = lag, time = 100ms }]", true)]
    [InlineData("[{ type = rate-limit, max-rate = 30 }]", true)]
    public void UsesTime_OnlyForStagesThatReadTheClock(string list, bool usesTime)
    {
        TransformChain chain = Parse(list);
        Assert.Equal(usesTime, chain.UsesTime);
        if (!usesTime)
        {
            // Such a chain gives the same answer whatever time it is told.
            OscArgument[] input = [OscArgument.Float32(0.25f)];
            TransformResult early = chain.Apply(chain.CreateState(), new TransformInput(input), default);
            TransformResult late = chain.Apply(chain.CreateState(), new TransformInput(input), At(60_000));
            Assert.Equal(Number(early), Number(late));
        }
    }

    [Fact]
    public void Apply_NothingChanged_ReturnsTheInputListItself()
    {
        OscArgument[] input = [OscArgument.String("go"), OscArgument.Float32(0.5f)];
        TransformChain chain = Parse("[{ type = scale, factor = 1 }, { type = map, in = [0, 1], out = [0, 1] }, { type = repetition-filter }]");

        TransformResult result = chain.Apply(chain.CreateState(), new TransformInput(input), T0);

        Assert.Same(input, result.Arguments);
    }

    [Fact]
    public void Apply_SomethingChanged_LeavesTheInputListAlone()
    {
        OscArgument[] input = [OscArgument.Float32(0.5f)];
        TransformChain chain = Parse("[{ type = scale, factor = 2 }]");

        TransformResult result = chain.Apply(chain.CreateState(), new TransformInput(input), T0);

        Assert.Equal(OscArgument.Float32(1), Assert.Single(result.Arguments));
        Assert.Equal(OscArgument.Float32(0.5f), input[0]);
    }

    [Fact]
    public void Empty_SendsEverythingAsItCame()
    {
        OscArgument[] input = [OscArgument.Int32(1)];
        TransformChain chain = TransformChain.Empty;

        Assert.Equal(0, chain.Count);
        Assert.Equal("none", chain.ToString());
        Assert.Same(input, chain.Apply(chain.CreateState(), new TransformInput(input), T0).Arguments);
    }

    [Fact]
    public void Apply_DefaultInput_IsAnEmptyMessageNotACrash()
    {
        TransformChain chain = Parse("[{ type = scale, factor = 2 }, { type = template, args = [\"{n}\"] }]");

        TransformResult result = chain.Apply(chain.CreateState(), default, T0);

        Assert.Equal(TransformOutcome.Drop, result.Outcome);
        Assert.Contains("{n}", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_WithAnotherChainsState_IsRefused()
    {
        TransformChain a = Parse("[{ type = invert }]");
        TransformChain b = Parse("[{ type = invert }]");

        Assert.Throws<ArgumentException>(() => a.Apply(b.CreateState(), new TransformInput([]), T0));
    }

    [Fact]
    public void ToString_IsOneLineNamingEachStage()
    {
        TransformChain chain = Parse("[{ type = map, in = [0, 1], out = [-60, 6] }, { type = rate-limit, max-rate = 30 }]");

        Assert.Equal(2, chain.Count);
        Assert.Equal("map [0,1]->[-60,6] clamp | rate-limit 30/s", chain.ToString());
    }

    [Fact]
    public void ToString_DescribesEveryKind()
    {
        TransformChain chain = Parse("""
            [
              { type = scale, factor = 2, offset = -1, args = [0] }
              { type = curve, shape = log, base = 100 }
              { type = curve, shape = breakpoints, breakpoints = [[0, 0], [1, 2]] }
              { type = invert }
              { type = step, steps = 8, mode = floor }
              { type = smooth, method = lag, time = 0.25s }
              { type = smooth, method = one-euro, beta = 0.007, settle = 20ms }
              { type = repetition-filter, tolerance = 0.01 }
              { type = convert, to = int }
              { type = template, args = ["$0", "ch{n}", 1] }
            ]
            """);

        Assert.Equal(
            "scale *2 -1 args [0] | curve log base 100 [0,1] | curve breakpoints [0,0],[1,2] | invert [0,1] | step 8 steps [0,1] floor"
            + " | smooth lag 250ms | smooth one-euro min-cutoff 1 beta 0.007 d-cutoff 1 settle 20ms | repetition-filter tolerance 0.01 | convert to int"
            + " | template [$0, \"ch{n}\", 1]",
            chain.ToString());
    }

    [Fact]
    public void DocsExample_ParsesAndReadsAsTheDocsSay()
    {
        TransformChain chain = Parse("""
            [
              { type = curve, shape = exp, base = 10 }                 # audio taper
              { type = map, in = [0, 1], out = [-60, 6] }              # to dB, clamped
              { type = smooth, method = one-euro, min-cutoff = 1, beta = 0.05, settle = 20ms }
              { type = repetition-filter, tolerance = 0.05 }           # dB changes under 0.05 are not news
              { type = rate-limit, max-rate = 30 }                     # at most 30 messages a second, last one always sent
            ]
            """);

        Assert.Equal(
            "curve exp base 10 [0,1] | map [0,1]->[-60,6] clamp | smooth one-euro min-cutoff 1 beta 0.05 d-cutoff 1 settle 20ms | repetition-filter tolerance 0.05 | rate-limit 30/s",
            chain.ToString());
        Assert.Equal(6, Number(chain.Apply(chain.CreateState(), new TransformInput([OscArgument.Float32(1)]), T0)));
    }

    [Fact]
    public void Parse_MissingKey_IsTheEmptyChain() =>
        Assert.Same(TransformChain.Empty, TransformChain.Parse(Config.Parse("other = 1").Resolve(), "transforms"));

    [Fact]
    public void Parse_UnknownType_NamesTheKeyTheChoicesAndWhatWasWritten()
    {
        ConfigException ex = ParseError("[\n  { type = mapp, in = [0, 1], out = [0, 2] }\n]");

        Assert.Contains("show.conf:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("transforms[0].type", ex.Message, StringComparison.Ordinal);
        Assert.Contains("one of scale, map, curve", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'mapp'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingType_NamesTheKey() =>
        AssertError("[{ factor = 2 }]", "transforms[0].type", "the transform's type");

    [Fact]
    public void Parse_MissingRequiredKey_NamesIt() =>
        AssertError("[{ type = invert }, { type = map, in = [0, 1] }]", "transforms[1].out", "a range of two numbers");

    [Fact]
    public void Parse_UnsortedBreakpoints_NamesTheKeyAndThePoint() =>
        AssertError("[{ type = curve, shape = breakpoints, breakpoints = [[0, 0], [0.6, 1], [0.5, 0.8]] }]", "transforms[0].breakpoints", "point 3 [0.5,0.8] does not come after x = 0.6");

    [Fact]
    public void Parse_OneBreakpoint_IsRefused() =>
        AssertError("[{ type = curve, shape = breakpoints, breakpoints = [[0, 0]] }]", "transforms[0].breakpoints", "at least two");

    [Fact]
    public void Parse_InRangeOfZeroWidth_IsRefused() =>
        AssertError("[{ type = map, in = [0.5, 0.5], out = [0, 1] }]", "transforms[0].in", "zero width");

    [Fact]
    public void Parse_UnknownKey_NamesItAndTheKnownKeys() =>
        AssertError("[{ type = scale, factr = 2 }]", "transforms[0].factr", "factor, offset, args");

    [Fact]
    public void Parse_ScaleWithNeitherFactorNorOffset_IsRefused() =>
        AssertError("[{ type = scale }]", "transforms[0].factor", "factor and/or offset");

    [Fact]
    public void Parse_BadChoice_NamesTheChoices() =>
        AssertError("[{ type = map, in = [0, 1], out = [0, 1], mode = clip }]", "transforms[0].mode", "clamp, wrap or none");

    [Fact]
    public void Parse_StepWithSizeAndSteps_IsRefused() =>
        AssertError("[{ type = step, size = 0.1, steps = 4 }]", "transforms[0].steps", "not both");

    [Fact]
    public void Parse_BadArgs_NamesThePosition() =>
        AssertError("[{ type = scale, factor = 2, args = [0, -1] }]", "transforms[0].args", "-1 at position 1");

    [Fact]
    public void Parse_RepeatedArgs_IsRefused() =>
        AssertError("[{ type = scale, factor = 2, args = [1, 1] }]", "transforms[0].args", "each once");

    [Fact]
    public void Parse_RateOfZero_IsRefused() =>
        AssertError("[{ type = rate-limit, max-rate = 0 }]", "transforms[0].max-rate", "a number above 0");

    [Fact]
    public void Parse_LagWithoutTime_IsRefused() =>
        AssertError("[{ type = smooth, method = lag }]", "transforms[0].time", "time constant");

    [Fact]
    public void Parse_OneEuroKeyWithLag_IsRefused() =>
        AssertError("[{ type = smooth, method = lag, time = 1s, beta = 0.1 }]", "transforms[0].beta", "belongs to one-euro");

    [Fact]
    public void Parse_CurveBaseOfOne_IsRefused() =>
        AssertError("[{ type = curve, shape = exp, base = 1 }]", "transforms[0].base", "above 1");

    [Fact]
    public void Parse_ConvertToUnknownType_NamesTheChoices() =>
        AssertError("[{ type = convert, to = integer }]", "transforms[0].to", "int, float, double, string or bool");

    [Fact]
    public void Parse_TemplateWithNestedList_IsRefused() =>
        AssertError("[{ type = template, args = [[1, 2]] }]", "transforms[0].args", "position 0");

    [Fact]
    public void Parse_NotAList_IsRefused() =>
        AssertError("{ type = scale, factor = 2 }", "transforms", "a list of transforms");

    [Fact]
    public void Parse_ElementNotAnObject_IsRefused() =>
        AssertError("[scale]", "transforms[0]", "an object");

    private static ConfigException ParseError(string list) => Assert.ThrowsAny<ConfigException>(() => Parse(list));

    private static void AssertError(string list, string key, string expected)
    {
        ConfigException ex = ParseError(list);
        Assert.Contains("show.conf:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
