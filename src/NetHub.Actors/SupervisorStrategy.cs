namespace NetHub.Actors;

/// <summary>
/// How a parent treats a failing child, as data (Akka semantics). <see cref="MaxRetries"/> restarts are
/// allowed within <see cref="Within"/> (-1 and <see cref="Timeout.InfiniteTimeSpan"/> mean unlimited);
/// when the budget is spent the child is stopped instead of restarted.
/// </summary>
public abstract record SupervisorStrategy
{
    protected SupervisorStrategy(Decider decider, int maxRetries, TimeSpan within, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRetries, -1);
        Decider = decider;
        MaxRetries = maxRetries;
        Within = within;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>One-for-one with Akka's default decider and an unlimited restart budget.</summary>
    public static SupervisorStrategy Default { get; } = new OneForOneStrategy(Decider.Default);

    /// <summary>One-for-one that stops a child on any exception.</summary>
    public static SupervisorStrategy Stopping { get; } = new OneForOneStrategy(Decider.Stopping);

    public Decider Decider { get; init; }

    public int MaxRetries { get; init; }

    public TimeSpan Within { get; init; }

    /// <summary>When true, failures are logged with the child's path and the directive taken.</summary>
    public bool LoggingEnabled { get; init; }

    /// <summary>The children a Restart or Stop applies to when <paramref name="failed"/> fails.</summary>
    internal abstract IEnumerable<ChildStats> Affected(ActorCell supervisor, ChildStats failed);

    /// <summary>Applies <paramref name="directive"/> (never Escalate: the supervisor handles that) for a failure of <paramref name="failed"/>.</summary>
    internal virtual void Apply(ActorCell supervisor, ChildStats failed, Directive directive, Exception cause)
    {
        switch (directive)
        {
            case Directive.Resume:
                failed.Child.SendSystemMessage(new Resume(cause));
                break;
            case Directive.Restart:
                foreach (ChildStats child in Affected(supervisor, failed))
                {
                    child.Child.SendSystemMessage(new Recreate(cause));
                }

                break;
            case Directive.Stop:
                foreach (ChildStats child in Affected(supervisor, failed))
                {
                    supervisor.StopChild(child.Child);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(directive), directive, "Escalate is handled by the supervisor");
        }
    }

    /// <summary>
    /// The directive for this failure. A Restart beyond the budget becomes Stop and
    /// <paramref name="budgetExhausted"/> is set.
    /// </summary>
    internal Directive Decide(ChildStats failed, Exception cause, DateTimeOffset now, out bool budgetExhausted)
    {
        Directive directive = Decider.Decide(cause);
        budgetExhausted = directive == Directive.Restart && !failed.RequestRestartPermission(MaxRetries, Within, now);
        return budgetExhausted ? Directive.Stop : directive;
    }
}
