using NetHub.Configuration;
using NetHub.Osc;

namespace NetHub.Hub.Transforms.Tests;

/// <summary>Builds chains from HOCON the way a route does, and runs single messages through them.</summary>
internal static class Chains
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 20, 0, 0, TimeSpan.Zero);

    public static TransformChain Parse(string list) =>
        TransformChain.Parse(Config.Parse("transforms = " + list, "show.conf").Resolve(), "transforms");

    public static DateTimeOffset At(double milliseconds) => T0 + TimeSpan.FromMilliseconds(milliseconds);

    /// <summary>Runs one message through a fresh state at <see cref="T0"/>.</summary>
    public static TransformResult Once(string list, params OscArgument[] arguments)
    {
        TransformChain chain = Parse(list);
        return chain.Apply(chain.CreateState(), new TransformInput(arguments), T0);
    }

    /// <summary>The single argument an Emit carries.</summary>
    public static OscArgument Single(TransformResult result)
    {
        Assert.True(result.Outcome == TransformOutcome.Emit, $"expected Emit, got {result.Outcome}: {result.Reason}");
        return Assert.Single(result.Arguments);
    }

    public static double Number(TransformResult result)
    {
        OscArgument argument = Single(result);
        return argument.Type switch
        {
            OscType.Int32 => argument.AsInt32(),
            OscType.Int64 => argument.AsInt64(),
            OscType.Float32 => argument.AsFloat32(),
            OscType.Float64 => argument.AsFloat64(),
            _ => throw new InvalidOperationException($"not a number: {argument}"),
        };
    }

    /// <summary>Runs <paramref name="x"/> as a float64 through a one-transform chain.</summary>
    public static double Map(string transform, double x) => Number(Once("[" + transform + "]", OscArgument.Float64(x)));
}
