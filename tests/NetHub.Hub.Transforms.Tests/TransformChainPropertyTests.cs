using FsCheck;
using FsCheck.Fluent;
using NetHub.Osc;

namespace NetHub.Hub.Transforms.Tests;

public sealed class TransformChainPropertyTests
{
    private static readonly string[] Transforms =
    [
        "{ type = scale, factor = -3.5, offset = 1e30 }",
        "{ type = scale, factor = 1e300 }",
        "{ type = map, in = [0, 1], out = [-60, 6], mode = wrap }",
        "{ type = map, in = [127, 0], out = [0, 1], mode = none, args = [0, 2] }",
        "{ type = curve, shape = log, base = 1000 }",
        "{ type = curve, shape = exp, range = [-1, 1] }",
        "{ type = curve, shape = breakpoints, breakpoints = [[0, 0], [0.5, 0.9], [1, 1]] }",
        "{ type = invert, range = [-5, 5] }",
        "{ type = step, size = 0.001, mode = ceil }",
        "{ type = step, steps = 3, range = [1, 0], mode = floor, args = [1] }",
        "{ type = smooth, method = lag, time = 50ms }",
        "{ type = smooth, method = one-euro, min-cutoff = 0.5, beta = 2 }",
        "{ type = smooth, method = lag, time = 50ms, settle = 10ms, args = [0] }",
        "{ type = rate-limit, max-rate = 20 }",
        "{ type = rate-limit, max-rate = 1000 }",
        "{ type = repetition-filter, tolerance = 0.01 }",
        "{ type = repetition-filter }",
        "{ type = convert, to = int }",
        "{ type = convert, to = float, args = [0] }",
        "{ type = convert, to = string }",
        "{ type = convert, to = bool }",
        "{ type = template, args = [\"$1\", \"x{n}\", \"$0\", 2.5] }",
        "{ type = template, args = [\"$0\", \"{missing}\"] }",
    ];

    private static readonly TransformChain[] Pool = [.. Transforms.Select(t => Chains.Parse("[" + t + "]"))];

    [Fact]
    public void RandomArgumentsThroughARandomChain_NeverThrow_AndEveryResultIsWellFormed()
    {
        Gen<OscArgument> argument = Gen.OneOf(
            ArbMap.Default.GeneratorFor<int>().Select(OscArgument.Int32),
            ArbMap.Default.GeneratorFor<float>().Select(OscArgument.Float32),
            ArbMap.Default.GeneratorFor<double>().Select(OscArgument.Float64),
            ArbMap.Default.GeneratorFor<long>().Select(OscArgument.Int64),
            Gen.Elements(float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.Epsilon, -0f).Select(OscArgument.Float32),
            Gen.Elements("", "0", "1e40", "-2.5", "abc", "NaN", "off", " 7 ").Select(OscArgument.String),
            Gen.Elements(OscArgument.True, OscArgument.False, OscArgument.Nil, OscArgument.Impulse, OscArgument.Blob(new byte[] { 1, 2 }), OscArgument.Char('x'), OscArgument.Array(OscArgument.Int32(1))));
        Gen<Case> cases =
            from args in argument.ListOf()
            from stages in Gen.Choose(0, Transforms.Length - 1).ArrayOf()
            from times in Gen.Choose(-50, 500).ArrayOf()
            from withCapture in ArbMap.Default.GeneratorFor<bool>()
            select new Case([.. args], stages, times, withCapture);

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1500).WithEndSize(12), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            TransformChain chain = Chains.Parse("[" + string.Join(", ", c.Stages.Select(i => Transforms[i])) + "]");
            TransformState state = chain.CreateState();
            IReadOnlyDictionary<string, string> captures = c.WithCapture ? new Dictionary<string, string> { ["n"] = "7" } : new Dictionary<string, string>();
            double ms = 0;
            foreach (int step in c.Times.Length == 0 ? [0] : c.Times)
            {
                ms += step;
                AssertWellFormed(chain.Apply(state, new TransformInput(c.Arguments, "/a", captures), Chains.At(ms)));
                AssertWellFormed(chain.Flush(state, Chains.At(ms + 25)));
            }
        }));
    }

    [Fact]
    public void EverySingleTransform_OnEveryArgumentKind_NeverThrows()
    {
        OscArgument[] kinds = [OscArgument.Int32(int.MinValue), OscArgument.Float32(float.NaN), OscArgument.Float64(double.MaxValue), OscArgument.Int64(long.MaxValue), OscArgument.String("x"), OscArgument.Nil, OscArgument.Blob(Array.Empty<byte>())];
        foreach (TransformChain chain in Pool)
        {
            TransformState state = chain.CreateState();
            AssertWellFormed(chain.Apply(state, new TransformInput(kinds), Chains.T0));
            AssertWellFormed(chain.Apply(state, new TransformInput([]), Chains.T0));
            AssertWellFormed(chain.Flush(state, Chains.At(1000)));
        }
    }

    /// <summary>
    /// A chain of stateless numeric stages over all arguments runs an argument array on plain numbers; any other list
    /// (here a List) takes the stage-by-stage path. Both must give the same outcome, the same arguments bit for bit
    /// and the same drop reason, including where a value stops fitting, turns infinite or was NaN to begin with. So
    /// must the router's <see cref="TransformChain.TryApplyNumeric"/>, which writes into the caller's array.
    /// </summary>
    [Fact]
    public void NumericChains_GiveTheSameResult_OnTheNumericPathAsStageByStage()
    {
        string[] numeric =
        [
            "{ type = scale, factor = -3.5, offset = 1e30 }",
            "{ type = scale, factor = 1e300 }",
            "{ type = scale, factor = 0.5, offset = 0.25 }",
            "{ type = map, in = [0, 1], out = [-60, 6], mode = clamp }",
            "{ type = map, in = [0, 1], out = [-60, 6], mode = wrap }",
            "{ type = map, in = [127, 0], out = [0, 1], mode = none }",
            "{ type = curve, shape = log, base = 1000 }",
            "{ type = curve, shape = exp, range = [-1, 1] }",
            "{ type = curve, shape = breakpoints, breakpoints = [[0, 0], [0.5, 0.9], [1, 1]] }",
            "{ type = invert, range = [-5, 5] }",
            "{ type = step, size = 0.001, mode = ceil }",
            "{ type = step, steps = 3, range = [1, 0], mode = floor }",
        ];
        Gen<OscArgument> argument = Gen.OneOf(
            ArbMap.Default.GeneratorFor<int>().Select(OscArgument.Int32),
            ArbMap.Default.GeneratorFor<float>().Select(OscArgument.Float32),
            ArbMap.Default.GeneratorFor<double>().Select(OscArgument.Float64),
            ArbMap.Default.GeneratorFor<long>().Select(OscArgument.Int64),
            Gen.Elements(long.MaxValue, long.MinValue, (1L << 53) + 1, -(1L << 60) - 3).Select(OscArgument.Int64),
            Gen.Elements(0.0, -0.0, 0.5, 1.0, double.NaN, double.NegativeInfinity).Select(OscArgument.Float64),
            Gen.Elements(float.NaN, float.PositiveInfinity, float.MaxValue, float.Epsilon, -0f, 0.75f, 1f).Select(OscArgument.Float32),
            Gen.Elements(OscArgument.String("0.5"), OscArgument.True, OscArgument.Nil));
        Gen<(OscArgument[] Arguments, int[] Stages)> cases =
            from args in argument.ArrayOf()
            from count in Gen.Choose(1, 4)
            from stages in Gen.Choose(0, numeric.Length - 1).ArrayOf(count)
            select (args, stages);

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000).WithEndSize(6), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            TransformChain chain = Chains.Parse("[" + string.Join(", ", c.Stages.Select(i => numeric[i])) + "]");
            TransformResult fast = chain.Apply(chain.CreateState(), new TransformInput(c.Arguments), Chains.T0);
            TransformResult general = chain.Apply(chain.CreateState(), new TransformInput(new List<OscArgument>(c.Arguments)), Chains.T0);
            Assert.Equal(general.Outcome, fast.Outcome);
            Assert.Equal(general.Reason, fast.Reason);
            Assert.Equal(general.Arguments, fast.Arguments);
            if (fast.Outcome == TransformOutcome.Emit && fast.Arguments.SequenceEqual(c.Arguments))
            {
                // Nothing changed: the input goes on as it came, without a copy.
                Assert.Same(c.Arguments, fast.Arguments);
            }

            // The router's way in: its own scratch array, and whether the values changed.
            OscArgument[] scratch = new OscArgument[c.Arguments.Length];
            Assert.True(chain.IsNumeric);
            bool emitted = chain.TryApplyNumeric(c.Arguments, scratch, out bool changed);
            Assert.Equal(general.Outcome == TransformOutcome.Emit, emitted);
            if (emitted)
            {
                Assert.Equal(general.Arguments, changed ? scratch : c.Arguments);
                Assert.Equal(changed, !general.Arguments.SequenceEqual(c.Arguments));
            }
        }));
    }

    private static void AssertWellFormed(TransformResult result)
    {
        Assert.NotNull(result.Arguments);
        switch (result.Outcome)
        {
            case TransformOutcome.Drop:
                Assert.False(string.IsNullOrEmpty(result.Reason));
                Assert.Empty(result.Arguments);
                break;
            case TransformOutcome.Defer:
                Assert.NotEqual(default, result.DueAt);
                break;
            default:
                Assert.Null(result.Reason);
                break;
        }
    }

    private sealed record Case(OscArgument[] Arguments, int[] Stages, int[] Times, bool WithCapture);
}
