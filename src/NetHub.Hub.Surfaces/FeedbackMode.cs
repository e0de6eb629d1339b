namespace NetHub.Hub.Surfaces;

/// <summary>
/// Where a surface's feedback goes (<c>feedback</c>): tablets only show what the show is doing when they are
/// told, and a surface on a shared network must not be told about a console it is not.
/// </summary>
public enum FeedbackMode
{
    /// <summary>To every peer heard on the endpoint within <c>peer-timeout</c>, each as a reply to that peer.</summary>
    Peers,

    /// <summary>To the endpoint's own configured destination (its <c>remote</c>).</summary>
    Remote,

    /// <summary>No feedback at all.</summary>
    Off,
}
