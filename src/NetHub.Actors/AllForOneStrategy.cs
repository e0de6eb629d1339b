namespace NetHub.Actors;

/// <summary>
/// A Restart or Stop applies to every child of the supervisor: one failure restarts (or stops) all
/// siblings. Use it when children only make sense together. Resume still applies to the failing child.
/// </summary>
public sealed record AllForOneStrategy : SupervisorStrategy
{
    public AllForOneStrategy(Decider decider, int maxRetries = -1, TimeSpan? within = null, bool loggingEnabled = true)
        : base(decider, maxRetries, within ?? Timeout.InfiniteTimeSpan, loggingEnabled)
    {
    }

    internal override IEnumerable<ChildStats> Affected(ActorCell supervisor, ChildStats failed) => supervisor.ChildStatsSnapshot();
}
