namespace NetHub.Actors;

/// <summary>
/// Declares how a <see cref="BackoffSupervisor"/> restarts its child: after min·2ⁿ (capped at max)
/// stretched by up to <see cref="RandomFactor"/> of jitter, where n counts consecutive restarts and
/// resets once the child has run for <see cref="ResetAfter"/>. <see cref="MaxRestarts"/> consecutive
/// restarts (-1 = no limit) end the attempts. In <see cref="BackoffMode.OnFailure"/> the
/// <see cref="Decider"/> picks the failures that are retried (Restart), ended for good (Stop),
/// resumed, or escalated.
/// </summary>
public sealed record BackoffOptions
{
    public BackoffOptions(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, minBackoff);
        ArgumentOutOfRangeException.ThrowIfNegative(randomFactor);
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
    }

    /// <summary>Retries every failure except <see cref="Kill"/>, including failures to start.</summary>
    public static Decider DefaultDecider { get; } = Decider.From(Directive.Restart, (typeof(ActorKilledException), Directive.Stop));

    public Props ChildProps { get; init; }

    public string ChildName { get; init; }

    public TimeSpan MinBackoff { get; init; }

    public TimeSpan MaxBackoff { get; init; }

    public double RandomFactor { get; init; }

    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRestarts { get; init; } = -1;

    public BackoffMode Mode { get; init; } = BackoffMode.OnFailure;

    public Decider Decider { get; init; } = DefaultDecider;

    /// <summary>
    /// The supervisor's props. It only forwards to its child, so it may run on the sender's thread whenever the child
    /// may (<see cref="Props.RunsOnSender"/>): a receive thread then reaches the child through it without a pool wake-up.
    /// </summary>
    public Props ToProps() => Props.Create(() => new BackoffSupervisor(this)) with { RunsOnSender = ChildProps.RunsOnSender };

    /// <summary>The delay before restart number <paramref name="attempt"/> (0-based), given a jitter draw in [0, 1).</summary>
    public TimeSpan DelayFor(int attempt, double jitter)
    {
        double factor = Math.Pow(2, Math.Min(attempt, 62));
        double ms = Math.Min(MaxBackoff.TotalMilliseconds, MinBackoff.TotalMilliseconds * factor);
        return TimeSpan.FromMilliseconds(ms * (1 + (jitter * RandomFactor)));
    }
}
