namespace NetHub.Actors;

/// <summary>The directive applies to the failing child only.</summary>
public sealed record OneForOneStrategy : SupervisorStrategy
{
    public OneForOneStrategy(Decider decider, int maxRetries = -1, TimeSpan? within = null, bool loggingEnabled = true)
        : base(decider, maxRetries, within ?? Timeout.InfiniteTimeSpan, loggingEnabled)
    {
    }

    internal override IEnumerable<ChildStats> Affected(ActorCell supervisor, ChildStats failed) => [failed];
}
