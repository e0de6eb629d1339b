namespace NetHub.Hub.Transforms;

/// <summary>
/// <c>rate-limit</c>: at most <c>max-rate</c> values per second pass, and none is lost for good: a value that comes
/// too soon after the last one is held (a newer one replaces it, latest wins) and the chain answers Defer with the
/// instant the interval is over; <see cref="TransformChain.Flush"/> then sends the held value on through the
/// later stages. A fader stream of any speed thus becomes a steady stream that always ends on the final position.
/// </summary>
internal sealed class RateLimitStage : TransformStage
{
    private readonly TimeSpan _interval;

    public RateLimitStage(double maxRate)
        : base("rate-limit " + Numbers.Format(maxRate) + "/s")
    {
        _interval = TimeSpan.FromTicks(Math.Max(1, (long)Math.Round(TimeSpan.TicksPerSecond / maxRate)));
    }

    public TimeSpan Interval => _interval;

    public override object? CreateState() => new RateLimitState();

    public override StageVerdict Run(ref ArgumentWork work, object? state, DateTimeOffset now)
    {
        var limit = (RateLimitState)state!;
        if (limit.Pending)
        {
            if (now >= limit.DueAt)
            {
                // The flush is late (or never came): this newer value replaces the held one and goes now.
                limit.Release(now);
                return StageVerdict.Continue;
            }

            limit.Hold(ref work);
            work.DueAt = limit.DueAt;
            return StageVerdict.Defer;
        }

        // A clock that stepped backwards must not hold values for the length of the step.
        if (!limit.HasPassed || now - limit.LastPassed >= _interval || now < limit.LastPassed)
        {
            limit.HasPassed = true;
            limit.LastPassed = now;
            return StageVerdict.Continue;
        }

        limit.Pending = true;
        limit.DueAt = limit.LastPassed + _interval;
        limit.Hold(ref work);
        work.DueAt = limit.DueAt;
        return StageVerdict.Defer;
    }
}
