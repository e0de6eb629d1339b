namespace NetHub.Actors;

/// <summary>
/// The default dispatcher: mailboxes run on the .NET thread pool. Work goes to the global FIFO queue
/// (not the local LIFO one) so a rescheduled busy mailbox lines up behind the others.
/// </summary>
internal sealed class ThreadPoolDispatcher(string id, int throughput) : MessageDispatcher(id, throughput)
{
    public override void Schedule(Mailbox mailbox) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
}
