using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// <c>repetition-filter</c>: drops a message whose arguments equal the last ones it let through, so a surface that
/// resends its state, or a loop between two programs, does not flood the show network. Types must match; with a
/// <c>tolerance</c>, two numbers of the same type within it count as equal; anything else compares exactly.
/// </summary>
internal sealed class RepetitionFilterStage : TransformStage
{
    internal const string RepeatedReason = "repeated value";

    private readonly double _tolerance;

    public RepetitionFilterStage(double tolerance)
        : base(tolerance > 0 ? "repetition-filter tolerance " + Numbers.Format(tolerance) : "repetition-filter")
    {
        _tolerance = tolerance;
    }

    public override object? CreateState() => new RepetitionState();

    public override StageVerdict Run(ref ArgumentWork work, object? state, DateTimeOffset now)
    {
        var repetition = (RepetitionState)state!;
        int count = work.Count;
        if (repetition.HasLast && count == repetition.Count && IsSame(ref work, repetition.Last, count))
        {
            return work.Drop(RepeatedReason);
        }

        OscArgument[] last = repetition.Last;
        if (last.Length < count)
        {
            last = new OscArgument[Math.Max(count, last.Length * 2)];
            repetition.Last = last;
        }

        for (int i = 0; i < count; i++)
        {
            last[i] = work[i];
        }

        Array.Clear(last, count, last.Length - count);
        repetition.Count = count;
        repetition.HasLast = true;
        return StageVerdict.Continue;
    }

    private bool IsSame(ref ArgumentWork work, OscArgument[] last, int count)
    {
        for (int i = 0; i < count; i++)
        {
            OscArgument current = work[i];
            OscArgument previous = last[i];
            if (current.Equals(previous))
            {
                continue;
            }

            if (_tolerance > 0 && current.Type == previous.Type && Numbers.IsNumeric(current.Type)
                && Math.Abs(Numbers.Read(current) - Numbers.Read(previous)) <= _tolerance)
            {
                continue;
            }

            return false;
        }

        return true;
    }
}
