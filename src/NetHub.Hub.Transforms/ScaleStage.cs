namespace NetHub.Hub.Transforms;

/// <summary><c>scale</c>: y = x * factor + offset.</summary>
internal sealed class ScaleStage(double factor, double offset, int[]? indices)
    : NumericStage("scale", Describe(factor, offset), indices)
{
    private static string Describe(double factor, double offset)
    {
        string multiply = factor == 1 ? string.Empty : "*" + Numbers.Format(factor);
        string add = offset == 0 ? string.Empty : (offset > 0 ? "+" : "-") + Numbers.Format(Math.Abs(offset));
        return multiply.Length > 0 && add.Length > 0 ? multiply + " " + add : multiply + add;
    }

    protected override double Compute(double x, int index, object? state, DateTimeOffset now) => (x * factor) + offset;
}
