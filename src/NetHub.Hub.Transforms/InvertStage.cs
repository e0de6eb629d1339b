namespace NetHub.Hub.Transforms;

/// <summary><c>invert</c>: mirrors x within <c>range = [a, b]</c>, y = a + b - x, so 0.2 in [0, 1] becomes 0.8.</summary>
internal sealed class InvertStage(double from, double to, int[]? indices)
    : NumericStage("invert", Numbers.FormatRange(from, to), indices)
{
    private readonly double _sum = from + to;

    protected override double Compute(double x, int index, object? state, DateTimeOffset now) => _sum - x;
}
