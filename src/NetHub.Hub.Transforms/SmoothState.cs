using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// What a <c>smooth</c> stage remembers per argument index: the last output, the smoothed rate of change (one-euro),
/// the last input (the target) and when it arrived; with <c>settle</c>, also the whole message as it reached the
/// stage and when to take the next step towards it. Grows to the largest message seen, so a steady stream
/// allocates nothing.
/// </summary>
internal sealed class SmoothState
{
    private const int InitialSize = 4;

    public double[] Output { get; private set; } = new double[InitialSize];

    public double[] Rate { get; private set; } = new double[InitialSize];

    public double[] Target { get; private set; } = new double[InitialSize];

    /// <summary>UTC ticks of the last value per index; 0 until the first.</summary>
    public long[] LastTicks { get; private set; } = new long[InitialSize];

    /// <summary>Per index, the <see cref="Serial"/> of the last message that smoothed it.</summary>
    public int[] Touched { get; private set; } = new int[InitialSize];

    /// <summary>Counts messages, so <see cref="Touched"/> tells which indices the current one smoothed.</summary>
    public int Serial { get; set; }

    public bool TickPending { get; set; }

    public DateTimeOffset TickDueAt { get; set; }

    public OscArgument[] Input { get; private set; } = new OscArgument[InitialSize];

    public int InputCount { get; private set; }

    public string InputAddress { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> InputCaptures { get; private set; } = TransformInput.NoCaptures;

    public void EnsureIndex(int index)
    {
        if (index < LastTicks.Length)
        {
            return;
        }

        int size = Math.Max(index + 1, LastTicks.Length * 2);
        double[] output = Output;
        double[] rate = Rate;
        double[] target = Target;
        long[] ticks = LastTicks;
        int[] touched = Touched;
        Array.Resize(ref touched, size);
        Array.Resize(ref output, size);
        Array.Resize(ref rate, size);
        Array.Resize(ref target, size);
        Array.Resize(ref ticks, size);
        Output = output;
        Rate = rate;
        Target = target;
        LastTicks = ticks;
        Touched = touched;
    }

    /// <summary>Copies the message as it reached the stage, for the steps <c>settle</c> takes after it.</summary>
    public void Remember(ref ArgumentWork work)
    {
        int count = work.Count;
        if (Input.Length < count)
        {
            Input = new OscArgument[Math.Max(count, Input.Length * 2)];
        }

        for (int i = 0; i < count; i++)
        {
            Input[i] = work[i];
        }

        Array.Clear(Input, count, Input.Length - count);
        InputCount = count;
        InputAddress = work.Address;
        InputCaptures = work.Captures;
    }

    /// <summary>The remembered message in a new array, which the run that settles owns.</summary>
    public ArgumentWork Recall()
    {
        var arguments = new OscArgument[InputCount];
        Array.Copy(Input, arguments, InputCount);
        var work = new ArgumentWork(arguments, InputAddress, InputCaptures);
        work.Replace(arguments);
        return work;
    }
}
