namespace NetHub.Hub.Transforms;

/// <summary>
/// The memory of one transform chain for one stream of values (one route and output address): smoothing filters,
/// rate-limit timers and held values, the last value a repetition filter let through. Made by
/// <see cref="TransformChain.CreateState"/> and used only with that chain, by one caller at a time (an actor).
/// </summary>
public sealed class TransformState
{
    /// <summary>Whether a stage can hold a value for later (a rate limit, a smoother): false skips the scan.</summary>
    private readonly bool _mayHold;

    internal TransformState(TransformChain chain, object?[] stages)
    {
        Chain = chain;
        Stages = stages;
        _mayHold = Array.Exists(stages, s => s is RateLimitState or SmoothState);
    }

    /// <summary>
    /// The earliest instant at which the chain has something to send without a new message, or null when it has
    /// nothing: a value a rate limit holds, or the next step of a smoother with <c>settle</c> that has not reached
    /// its input. A route checks it after every Apply and Flush and calls <see cref="TransformChain.Flush"/> then.
    /// </summary>
    public DateTimeOffset? PendingDueAt
    {
        get
        {
            if (!_mayHold)
            {
                // Map, curves, scale and the like hold nothing: most routes answer here.
                return null;
            }

            DateTimeOffset? earliest = null;
            foreach (object? stage in Stages)
            {
                if (IsPending(stage, out DateTimeOffset due) && (earliest is null || due < earliest))
                {
                    earliest = due;
                }
            }

            return earliest;
        }
    }

    internal TransformChain Chain { get; }

    internal object?[] Stages { get; }

    internal static bool IsPending(object? stage, out DateTimeOffset due)
    {
        switch (stage)
        {
            case RateLimitState { Pending: true } limit:
                due = limit.DueAt;
                return true;
            case SmoothState { TickPending: true } smooth:
                due = smooth.TickDueAt;
                return true;
            default:
                due = default;
                return false;
        }
    }
}
