using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// A stage that computes each selected number on its own: every numeric argument (int32, int64, float32, float64)
/// when no <c>args</c> are given, or exactly the listed indices, which must then exist and be numbers. Results keep
/// the argument's OSC type; a NaN or infinite input or result drops the message rather than send it to a desk.
/// </summary>
internal abstract class NumericStage : TransformStage
{
    private readonly int[]? _indices;

    protected NumericStage(string name, string details, int[]? indices)
        : base(Describe(name, details, indices))
    {
        Name = name;
        _indices = indices;
    }

    protected string Name { get; }

    /// <summary>True when the stage works on every numeric argument (no <c>args</c> list).</summary>
    internal bool AllArguments => _indices is null;

    /// <summary>
    /// The new value of <paramref name="x"/> (finite, argument <paramref name="index"/>) for a stage that keeps no
    /// state, as <see cref="TransformChain"/>'s numeric path calls it.
    /// </summary>
    internal double ComputeStateless(double x, int index) => Compute(x, index, null, default);

    /// <summary>The drop reason for a NaN or infinite input.</summary>
    internal string NotFinite(double x, int index) => Name + ": not a finite number (" + Numbers.Format(x) + ") at argument " + index;

    /// <summary>The drop reason for a result the argument's type cannot hold.</summary>
    internal string DoesNotFit(double y, OscType type, int index) =>
        Name + ": result " + Numbers.Format(y) + " does not fit " + type + " at argument " + index;

    public override StageVerdict Run(ref ArgumentWork work, object? state, DateTimeOffset now)
    {
        int count = work.Count;
        if (_indices is null)
        {
            for (int i = 0; i < count; i++)
            {
                OscArgument argument = work[i];
                if (Numbers.IsNumeric(argument.Type) && !TryApply(ref work, i, argument, state, now))
                {
                    return StageVerdict.Drop;
                }
            }

            return StageVerdict.Continue;
        }

        foreach (int index in _indices)
        {
            if (index >= count)
            {
                return work.Drop(Name + ": no argument " + index + " (the message has " + count + ")");
            }

            OscArgument argument = work[index];
            if (!Numbers.IsNumeric(argument.Type))
            {
                return work.Drop(Name + ": not a number: " + Numbers.Tag(argument.Type) + " at argument " + index);
            }

            if (!TryApply(ref work, index, argument, state, now))
            {
                return StageVerdict.Drop;
            }
        }

        return StageVerdict.Continue;
    }

    /// <summary>The new value of argument <paramref name="index"/>, whose value is the finite <paramref name="x"/>.</summary>
    protected abstract double Compute(double x, int index, object? state, DateTimeOffset now);

    private static string Describe(string name, string details, int[]? indices)
    {
        string text = details.Length == 0 ? name : name + " " + details;
        return indices is null ? text : text + " args [" + string.Join(",", indices) + "]";
    }

    private bool TryApply(ref ArgumentWork work, int index, OscArgument argument, object? state, DateTimeOffset now)
    {
        double x = Numbers.Read(argument);
        if (!double.IsFinite(x))
        {
            work.Reason = NotFinite(x, index);
            return false;
        }

        double y = Compute(x, index, state, now);
        if (!Numbers.TryWrite(argument.Type, y, out OscArgument result))
        {
            work.Reason = DoesNotFit(y, argument.Type, index);
            return false;
        }

        if (!result.Equals(argument))
        {
            work.Set(index, result);
        }

        return true;
    }
}
