namespace NetHub.Actors;

/// <summary>
/// Puts messages aside while the actor waits on a resource (a socket connecting, a file opening) and
/// brings them back, in order, ahead of newer mail. Bounded by the stash capacity; on restart the new
/// instance sees the stashed messages first; on stop they become dead letters.
/// </summary>
public interface IStash
{
    int Count { get; }

    int Capacity { get; }

    /// <summary>Stashes the message being handled.</summary>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns every stashed message, oldest first, to the front of the mailbox.</summary>
    void UnstashAll();
}
