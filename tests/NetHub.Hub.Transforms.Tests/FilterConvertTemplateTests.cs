using NetHub.Osc;
using static NetHub.Hub.Transforms.Tests.Chains;

namespace NetHub.Hub.Transforms.Tests;

public sealed class FilterConvertTemplateTests
{
    [Fact]
    public void RepetitionFilter_DropsAValueEqualToTheLastEmitted()
    {
        TransformChain chain = Parse("[{ type = repetition-filter }]");
        TransformState state = chain.CreateState();

        Assert.Equal(TransformOutcome.Emit, chain.Apply(state, new([OscArgument.Float32(0.5f), OscArgument.String("a")]), T0).Outcome);
        TransformResult repeated = chain.Apply(state, new([OscArgument.Float32(0.5f), OscArgument.String("a")]), T0);
        Assert.Equal(TransformOutcome.Drop, repeated.Outcome);
        Assert.Equal("repeated value", repeated.Reason);
        Assert.Equal(TransformOutcome.Emit, chain.Apply(state, new([OscArgument.Float32(0.5f), OscArgument.String("b")]), T0).Outcome);
        Assert.Equal(TransformOutcome.Emit, chain.Apply(state, new([OscArgument.Float32(0.5f)]), T0).Outcome);
    }

    [Fact]
    public void RepetitionFilter_TypesMustMatch()
    {
        TransformChain chain = Parse("[{ type = repetition-filter, tolerance = 0.1 }]");
        TransformState state = chain.CreateState();
        chain.Apply(state, new([OscArgument.Int32(1)]), T0);

        Assert.Equal(TransformOutcome.Emit, chain.Apply(state, new([OscArgument.Float32(1)]), T0).Outcome);
    }

    [Fact]
    public void RepetitionFilter_WithTolerance_ComparesWithTheLastValueLetThrough()
    {
        TransformChain chain = Parse("[{ type = repetition-filter, tolerance = 0.05 }]");
        TransformState state = chain.CreateState();

        Assert.Equal(TransformOutcome.Emit, chain.Apply(state, new([OscArgument.Float64(0.5)]), T0).Outcome);
        Assert.Equal(TransformOutcome.Drop, chain.Apply(state, new([OscArgument.Float64(0.53)]), T0).Outcome);
        Assert.Equal(TransformOutcome.Drop, chain.Apply(state, new([OscArgument.Float64(0.47)]), T0).Outcome);
        Assert.Equal(TransformOutcome.Emit, chain.Apply(state, new([OscArgument.Float64(0.56)]), T0).Outcome);
    }

    [Fact]
    public void RepetitionFilter_RemembersItsOwnOutput_NotWhatLaterStagesMadeOfIt()
    {
        TransformChain chain = Parse("[{ type = scale, factor = 2 }, { type = repetition-filter }, { type = scale, offset = 1 }]");
        TransformState state = chain.CreateState();

        Assert.Equal(OscArgument.Float32(3), Single(chain.Apply(state, new([OscArgument.Float32(1)]), T0)));
        Assert.Equal(TransformOutcome.Drop, chain.Apply(state, new([OscArgument.Float32(1)]), T0).Outcome);
    }

    [Theory]
    [InlineData("int", 3.6f, 'i', 4)]
    [InlineData("int", -2.5f, 'i', -3)]
    [InlineData("double", 0.5f, 'd', 0.5)]
    [InlineData("float", 2f, 'f', 2)]
    public void Convert_BetweenNumberTypes(string to, float x, char type, double expected)
    {
        OscArgument result = Single(Once("[{ type = convert, to = " + to + " }]", OscArgument.Float32(x)));

        Assert.Equal((OscType)type, result.Type);
        Assert.Equal(expected, result.Type switch { OscType.Int32 => result.AsInt32(), OscType.Float32 => result.AsFloat32(), _ => result.AsFloat64() });
    }

    [Fact]
    public void Convert_StringToNumber_Parses()
    {
        Assert.Equal(OscArgument.Float32(12.5f), Single(Once("[{ type = convert, to = float }]", OscArgument.String(" 12.5 "))));
        Assert.Equal(OscArgument.Int32(7), Single(Once("[{ type = convert, to = int }]", OscArgument.String("7"))));
        Assert.Equal(OscArgument.Int32(1), Single(Once("[{ type = convert, to = int }]", OscArgument.True)));
    }

    [Fact]
    public void Convert_TextThatIsNotANumber_DropsNamingTheValueAndArgument()
    {
        TransformResult result = Once("[{ type = convert, to = int }]", OscArgument.String("abc"));

        Assert.Equal(TransformOutcome.Drop, result.Outcome);
        Assert.Equal("convert to int: not a number: 's' \"abc\" at argument 0", result.Reason);
    }

    [Fact]
    public void Convert_BlobToNumber_Drops() =>
        Assert.Equal(TransformOutcome.Drop, Once("[{ type = convert, to = double }]", OscArgument.Blob(new byte[] { 1 })).Outcome);

    [Theory]
    [InlineData(0, false)]
    [InlineData(2.5, true)]
    [InlineData(-1, true)]
    public void Convert_NumberToBool_ZeroIsFalse(double x, bool expected) =>
        Assert.Equal(OscArgument.Bool(expected), Single(Once("[{ type = convert, to = bool }]", OscArgument.Float64(x))));

    [Theory]
    [InlineData("off", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData("yes", true)]
    [InlineData("go", true)]
    [InlineData("0.5", true)]
    public void Convert_TextToBool(string text, bool expected) =>
        Assert.Equal(OscArgument.Bool(expected), Single(Once("[{ type = convert, to = bool }]", OscArgument.String(text))));

    [Fact]
    public void Convert_ToString_WritesInvariantShortestText()
    {
        TransformResult result = Once("[{ type = convert, to = string }]", OscArgument.Float32(0.25f), OscArgument.Int32(-3), OscArgument.False);

        Assert.Equal([OscArgument.String("0.25"), OscArgument.String("-3"), OscArgument.String("false")], result.Arguments);
    }

    [Fact]
    public void Convert_Args_TouchesOnlyTheListed()
    {
        TransformResult result = Once("[{ type = convert, to = int, args = [1] }]", OscArgument.String("a"), OscArgument.String("2"));

        Assert.Equal([OscArgument.String("a"), OscArgument.Int32(2)], result.Arguments);
    }

    [Fact]
    public void Template_BuildsArgumentsFromInputsCapturesAndLiterals()
    {
        TransformChain chain = Parse("[{ type = template, args = [\"$1\", \"layer{n}/{clip}\", 1, 0.5, true, \"text\", null, 5000000000] }]");
        var captures = new Dictionary<string, string> { ["n"] = "3", ["clip"] = "intro" };

        TransformResult result = chain.Apply(chain.CreateState(), new TransformInput([OscArgument.Float32(0.7f), OscArgument.Int32(9)], "/1/fader3", captures), T0);

        Assert.Equal(
            [OscArgument.Int32(9), OscArgument.String("layer3/intro"), OscArgument.Int32(1), OscArgument.Float32(0.5f), OscArgument.True, OscArgument.String("text"), OscArgument.Nil, OscArgument.Int64(5_000_000_000)],
            result.Arguments);
    }

    [Theory]
    [InlineData("[1.0, 2.50, 1e3, 7]")]
    [InlineData("[1.0, 2.50, 1e3, 7, null]")]
    public void Template_ANumberWithAFractionOrExponent_IsAFloat_EvenWhenWholeAndBesideANull(string args)
    {
        TransformResult result = Once("[{ type = template, args = " + args + " }]");

        Assert.Equal([OscArgument.Float32(1f), OscArgument.Float32(2.5f), OscArgument.Float32(1000f), OscArgument.Int32(7)], result.Arguments.Take(4));
    }

    [Fact]
    public void Template_BracesWithoutAName_AreText()
    {
        TransformChain chain = Parse("[{ type = template, args = [\"{} and { x\", \"$\", \"$a\"] }]");

        TransformResult result = chain.Apply(chain.CreateState(), new TransformInput([]), T0);

        Assert.Equal([OscArgument.String("{} and { x"), OscArgument.String("$"), OscArgument.String("$a")], result.Arguments);
    }

    [Fact]
    public void Template_MissingInputArgument_DropsNamingIt()
    {
        TransformResult result = Once("[{ type = template, args = [\"$2\"] }]", OscArgument.Int32(1));

        Assert.Equal(TransformOutcome.Drop, result.Outcome);
        Assert.Equal("template: $2 but the message has 1 argument", result.Reason);
    }

    [Fact]
    public void Template_MissingCapture_DropsNamingItAndTheCapturesThereAre()
    {
        TransformChain chain = Parse("[{ type = template, args = [\"layer{n}\"] }]");

        TransformResult result = chain.Apply(chain.CreateState(), new TransformInput([], "/a", new Dictionary<string, string> { ["layer"] = "2" }), T0);

        Assert.Equal(TransformOutcome.Drop, result.Outcome);
        Assert.Equal("template: no capture named {n} in this route's match (captures: {layer})", result.Reason);
    }
}
