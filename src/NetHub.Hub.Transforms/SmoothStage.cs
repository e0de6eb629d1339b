namespace NetHub.Hub.Transforms;

/// <summary>
/// <c>smooth</c>, computed from the real time between values (the <c>now</c> each message brings), so a controller
/// that sends at an irregular rate is smoothed the same way as one that sends steadily. The first value of each
/// argument passes as it is; a value with no time elapsed since the last repeats the last output.
/// <list type="bullet">
/// <item><c>lag</c>: exponential approach with time constant τ: y += (x - y)(1 - e^(-dt/τ)).</item>
/// <item><c>one-euro</c>: the 1€ filter (Casiez, Roussel, Vogel, CHI 2012): a low-pass whose cutoff rises with the
/// speed of the input, min-cutoff + β|dx/dt|, so slow moves lose their jitter and fast moves keep little lag. Each
/// low-pass step uses α = r / (r + 1) with r = 2π·cutoff·dt; the speed itself is low-passed at d-cutoff.</item>
/// </list>
/// With <c>settle</c>, a stage that has not reached its input asks for another step <c>settle</c> later
/// (<see cref="TransformState.PendingDueAt"/>), so the output arrives at a fader's last position after the fader
/// stops sending, as a Lag CHOP does; without it the output moves only when a message comes.
/// </summary>
internal sealed class SmoothStage : NumericStage
{
    private readonly bool _oneEuro;
    private readonly double _timeConstant;
    private readonly double _minCutoff;
    private readonly double _beta;
    private readonly double _derivativeCutoff;
    private readonly TimeSpan _settle;

    private SmoothStage(string details, bool oneEuro, double timeConstant, double minCutoff, double beta, double derivativeCutoff, TimeSpan settle, int[]? indices)
        : base("smooth", settle > TimeSpan.Zero ? details + " settle " + Numbers.Format(settle.TotalMilliseconds) + "ms" : details, indices)
    {
        _settle = settle;
        _oneEuro = oneEuro;
        _timeConstant = timeConstant;
        _minCutoff = minCutoff;
        _beta = beta;
        _derivativeCutoff = derivativeCutoff;
    }

    public static SmoothStage Lag(TimeSpan time, TimeSpan settle, int[]? indices) =>
        new("lag " + Numbers.Format(time.TotalMilliseconds) + "ms", false, time.TotalSeconds, 0, 0, 0, settle, indices);

    public static SmoothStage OneEuro(double minCutoff, double beta, double derivativeCutoff, TimeSpan settle, int[]? indices) =>
        new("one-euro min-cutoff " + Numbers.Format(minCutoff) + " beta " + Numbers.Format(beta) + " d-cutoff " + Numbers.Format(derivativeCutoff), true, 0, minCutoff, beta, derivativeCutoff, settle, indices);

    public override object? CreateState() => new SmoothState();

    public override StageVerdict Run(ref ArgumentWork work, object? state, DateTimeOffset now)
    {
        if (_settle <= TimeSpan.Zero)
        {
            return base.Run(ref work, state, now);
        }

        var smooth = (SmoothState)state!;
        smooth.Remember(ref work);
        smooth.TickPending = false;
        smooth.Serial++;
        StageVerdict verdict = base.Run(ref work, state, now);
        if (verdict == StageVerdict.Continue && !IsSettled(smooth))
        {
            smooth.TickPending = true;
            smooth.TickDueAt = now + _settle;
        }

        return verdict;
    }

    protected override double Compute(double x, int index, object? state, DateTimeOffset now)
    {
        var smooth = (SmoothState)state!;
        smooth.EnsureIndex(index);
        long ticks = now.UtcTicks;
        long last = smooth.LastTicks[index];
        smooth.Target[index] = x;
        smooth.Touched[index] = smooth.Serial;

        // Ticks are 0 only at 0001-01-01, so 0 safely means "nothing yet"; a clock that went backwards restarts too.
        if (last == 0 || ticks < last)
        {
            smooth.LastTicks[index] = Math.Max(ticks, 1);
            smooth.Output[index] = x;
            smooth.Rate[index] = 0;
            return x;
        }

        double previous = smooth.Output[index];
        if (ticks == last)
        {
            return previous;
        }

        double dt = (ticks - last) / (double)TimeSpan.TicksPerSecond;
        smooth.LastTicks[index] = ticks;
        double y;
        if (_oneEuro)
        {
            double speed = (x - previous) / dt;
            double rate = LowPass(speed, smooth.Rate[index], Alpha(_derivativeCutoff, dt));
            smooth.Rate[index] = rate;
            y = LowPass(x, previous, Alpha(_minCutoff + (_beta * Math.Abs(rate)), dt));
        }
        else
        {
            y = previous + ((x - previous) * (1 - Math.Exp(-dt / _timeConstant)));
        }

        // A non-finite step (a huge jump over a tiny dt) would poison every later value; restart from x instead.
        if (!double.IsFinite(y))
        {
            y = x;
            smooth.Rate[index] = 0;
        }

        smooth.Output[index] = y;
        return y;
    }

    /// <summary>Every argument this message smoothed is within a millionth (relative, at least absolute) of its input.</summary>
    private static bool IsSettled(SmoothState smooth)
    {
        double[] output = smooth.Output;
        double[] target = smooth.Target;
        int[] touched = smooth.Touched;
        for (int i = 0; i < touched.Length; i++)
        {
            if (touched[i] == smooth.Serial && Math.Abs(output[i] - target[i]) > 1e-6 * Math.Max(1, Math.Abs(target[i])))
            {
                return false;
            }
        }

        return true;
    }

    private static double Alpha(double cutoff, double dt)
    {
        double r = 2 * Math.PI * cutoff * dt;
        return r / (r + 1);
    }

    private static double LowPass(double x, double previous, double alpha) => previous + (alpha * (x - previous));
}
