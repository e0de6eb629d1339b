using NetHub.Osc;
using static NetHub.Hub.Transforms.Tests.Chains;

namespace NetHub.Hub.Transforms.Tests;

public sealed class NumericTransformTests
{
    private const double Precision = 9;

    [Theory]
    [InlineData(3, 6.5)]
    [InlineData(-1, -1.5)]
    [InlineData(0, 0.5)]
    public void Scale_MultipliesThenAdds(double x, double expected) =>
        Assert.Equal(expected, Map("{ type = scale, factor = 2, offset = 0.5 }", x), Precision);

    [Fact]
    public void Scale_KeepsEachArgumentsOscType()
    {
        TransformResult result = Once("[{ type = scale, factor = 1.5 }]", OscArgument.Int32(3), OscArgument.Float32(2f), OscArgument.Int64(4), OscArgument.Float64(1));

        Assert.Equal(TransformOutcome.Emit, result.Outcome);
        Assert.Equal(OscArgument.Int32(5), result.Arguments[0]); // 4.5 rounds half away from zero
        Assert.Equal(OscArgument.Float32(3f), result.Arguments[1]);
        Assert.Equal(OscArgument.Int64(6), result.Arguments[2]);
        Assert.Equal(OscArgument.Float64(1.5), result.Arguments[3]);
    }

    [Theory]
    [InlineData(0.5, -27)]
    [InlineData(0, -60)]
    [InlineData(1, 6)]
    [InlineData(1.5, 6)]
    [InlineData(-0.5, -60)]
    public void Map_Clamp_HoldsTheEnds(double x, double expected) =>
        Assert.Equal(expected, Map("{ type = map, in = [0, 1], out = [-60, 6] }", x), Precision);

    [Theory]
    [InlineData(0.25, 75)]
    [InlineData(1, 0)]
    [InlineData(0, 100)]
    [InlineData(-3, 100)]
    public void Map_ReversedInputRange_RunsBackwards(double x, double expected) =>
        Assert.Equal(expected, Map("{ type = map, in = [1, 0], out = [0, 100], mode = clamp }", x), Precision);

    [Fact]
    public void Map_ReversedOutputRange_RunsBackwards() =>
        Assert.Equal(7, Map("{ type = map, in = [0, 1], out = [10, 0] }", 0.3), Precision);

    [Theory]
    [InlineData(-0.25, 270)]
    [InlineData(1.25, 90)]
    [InlineData(1, 0)]
    [InlineData(-2, 0)]
    [InlineData(0.5, 180)]
    public void Map_Wrap_FoldsNegativesAndOverflowsBackIntoTheRange(double x, double expected) =>
        Assert.Equal(expected, Map("{ type = map, in = [0, 1], out = [0, 360], mode = wrap }", x), Precision);

    [Fact]
    public void Map_None_ExtendsTheLine() =>
        Assert.Equal(720, Map("{ type = map, in = [0, 1], out = [0, 360], mode = none }", 2), Precision);

    [Fact]
    public void Map_IntInput_StaysInt_RoundedToTheNearest() =>
        Assert.Equal(OscArgument.Int32(50), Single(Once("[{ type = map, in = [0, 127], out = [0, 100] }]", OscArgument.Int32(64))));

    [Theory]
    [InlineData(0.5, 0.24025307335204216)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(-1, 0)]
    [InlineData(2, 1)]
    public void Curve_Exp_IsSlowAtFirst(double x, double expected) =>
        Assert.Equal(expected, Map("{ type = curve, shape = exp, base = 10 }", x), Precision);

    [Theory]
    [InlineData(0.5, 0.7403626894942439)]
    [InlineData(0, 0)]
    [InlineData(-5, 0)]
    [InlineData(1, 1)]
    public void Curve_Log_IsFastAtFirst_AndZeroOrBelowIsTheBottomNotMinusInfinity(double x, double expected) =>
        Assert.Equal(expected, Map("{ type = curve, shape = log, base = 10 }", x), Precision);

    [Fact]
    public void Curve_OverARange_KeepsTheEndsAndBendsBetween()
    {
        Assert.Equal(24.025307335204216, Map("{ type = curve, shape = exp, range = [0, 100] }", 50), Precision);
        Assert.Equal(100, Map("{ type = curve, shape = exp, range = [0, 100] }", 100), Precision);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(0.3, 0.3)]
    public void Curve_Linear_ClampsToTheRange(double x, double expected) =>
        Assert.Equal(expected, Map("{ type = curve, shape = linear }", x), Precision);

    [Theory]
    [InlineData(0.25, 0.4)]
    [InlineData(0.75, 0.9)]
    [InlineData(0.5, 0.8)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(-1, 0)]
    [InlineData(2, 1)]
    public void Curve_Breakpoints_InterpolateAndHoldTheEnds(double x, double expected) =>
        Assert.Equal(expected, Map("{ type = curve, shape = breakpoints, breakpoints = [[0, 0], [0.5, 0.8], [1, 1]] }", x), Precision);

    [Fact]
    public void Curve_ManyBreakpoints_FindTheRightSegment()
    {
        const string Points = "{ type = curve, shape = breakpoints, breakpoints = [[0, 0], [1, 10], [2, 0], [3, 30], [4, 40], [5, 0]] }";
        Assert.Equal(5, Map(Points, 0.5), Precision);
        Assert.Equal(5, Map(Points, 1.5), Precision);
        Assert.Equal(15, Map(Points, 2.5), Precision);
        Assert.Equal(40, Map(Points, 4), Precision);
        Assert.Equal(20, Map(Points, 4.5), Precision);
    }

    [Theory]
    [InlineData(0.2, 0.8)]
    [InlineData(1, 0)]
    [InlineData(1.5, -0.5)]
    public void Invert_DefaultRange_IsOneMinusX(double x, double expected) =>
        Assert.Equal(expected, Map("{ type = invert }", x), Precision);

    [Fact]
    public void Invert_WithinARange_MirrorsInIt()
    {
        Assert.Equal(OscArgument.Int32(100), Single(Once("[{ type = invert, range = [0, 127] }]", OscArgument.Int32(27))));
        Assert.Equal(-0.25, Map("{ type = invert, range = [-1, 1] }", 0.25), Precision);
    }

    [Theory]
    [InlineData("round", 0.3, 0.25)]
    [InlineData("round", 0.38, 0.5)]
    [InlineData("round", -0.375, -0.5)]
    [InlineData("floor", 0.49, 0.25)]
    [InlineData("floor", -0.1, -0.25)]
    [InlineData("ceil", 0.26, 0.5)]
    [InlineData("ceil", 0.5, 0.5)]
    public void Step_Size_QuantisesToMultiples(string mode, double x, double expected) =>
        Assert.Equal(expected, Map("{ type = step, size = 0.25, mode = " + mode + " }", x), Precision);

    [Fact]
    public void Step_Floor_OfAValueThatIsAMultipleInDecimal_IsThatValue() =>
        Assert.Equal(0.3, Map("{ type = step, size = 0.1, mode = floor }", 0.3), Precision);

    [Theory]
    [InlineData(0.3, 0.25)]
    [InlineData(0.4, 0.5)]
    [InlineData(1.2, 1)]
    [InlineData(-0.1, 0)]
    public void Step_Steps_QuantiseOverTheRangeAndClamp(double x, double expected) =>
        Assert.Equal(expected, Map("{ type = step, steps = 4 }", x), Precision);

    [Fact]
    public void Step_Steps_OverAReversedRange_FloorStillMeansDownwards() =>
        Assert.Equal(0.25, Map("{ type = step, steps = 4, range = [1, 0], mode = floor }", 0.3), Precision);

    [Fact]
    public void Args_SelectWhichArgumentsChange()
    {
        TransformResult result = Once("[{ type = scale, factor = 10, args = [0, 2] }]", OscArgument.Float32(1), OscArgument.Float32(1), OscArgument.Float32(1));

        Assert.Equal([OscArgument.Float32(10), OscArgument.Float32(1), OscArgument.Float32(10)], result.Arguments);
    }

    [Fact]
    public void DefaultSelection_SkipsArgumentsThatAreNotNumbers()
    {
        TransformResult result = Once("[{ type = scale, factor = 2 }]", OscArgument.String("ch"), OscArgument.Int32(4), OscArgument.True);

        Assert.Equal([OscArgument.String("ch"), OscArgument.Int32(8), OscArgument.True], result.Arguments);
    }

    [Fact]
    public void SelectedArgumentThatIsNotANumber_DropsWithTheReason()
    {
        TransformResult result = Once("[{ type = map, in = [0, 1], out = [0, 10], args = [0] }]", OscArgument.String("go"));

        Assert.Equal(TransformOutcome.Drop, result.Outcome);
        Assert.Equal("map: not a number: 's' at argument 0", result.Reason);
        Assert.Empty(result.Arguments);
    }

    [Fact]
    public void SelectedArgumentThatIsMissing_DropsWithTheReason()
    {
        TransformResult result = Once("[{ type = scale, factor = 2, args = [1] }]", OscArgument.Float32(1));

        Assert.Equal(TransformOutcome.Drop, result.Outcome);
        Assert.Equal("scale: no argument 1 (the message has 1)", result.Reason);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void NonFiniteInput_Drops(float x)
    {
        TransformResult result = Once("[{ type = invert }]", OscArgument.Float32(x));

        Assert.Equal(TransformOutcome.Drop, result.Outcome);
        Assert.Contains("not a finite number", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultBeyondFloat32_Drops()
    {
        TransformResult result = Once("[{ type = scale, factor = 1e300 }]", OscArgument.Float32(2));

        Assert.Equal(TransformOutcome.Drop, result.Outcome);
        Assert.Contains("does not fit Float32", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultBeyondInt32_Saturates() =>
        Assert.Equal(OscArgument.Int32(int.MaxValue), Single(Once("[{ type = scale, factor = 1e12 }]", OscArgument.Int32(5))));
}
