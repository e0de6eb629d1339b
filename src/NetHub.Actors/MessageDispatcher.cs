namespace NetHub.Actors;

/// <summary>Runs mailboxes. Each run handles at most <see cref="Throughput"/> user messages, then yields.</summary>
internal abstract class MessageDispatcher(string id, int throughput)
{
    public string Id { get; } = id;

    public int Throughput { get; } = throughput;

    public abstract void Schedule(Mailbox mailbox);

    /// <summary>Stops accepting work; returns once workers have exited or the timeout passed.</summary>
    public virtual void Shutdown(TimeSpan timeout)
    {
    }
}
