namespace NetHub.Actors;

/// <summary>The reference to an actor in this process; one per incarnation.</summary>
public sealed class LocalActorRef : IInternalActorRef
{
    private ActorCell? _cell;

    // Cached apart from the cell: a sender touches only this reference and the mailbox, never the
    // cell's fields, which the running actor rewrites for every message.
    private Mailbox? _mailbox;

    internal LocalActorRef(ActorPath path) => Path = path;

    public ActorPath Path { get; }

    /// <summary>User messages waiting in the mailbox (-1 if the mailbox cannot count).</summary>
    public int QueuedMessageCount => Cell.Mailbox.QueuedCount;

    /// <summary>Messages a bounded mailbox has dropped under its full mode.</summary>
    public long DroppedMessageCount => Cell.Mailbox.DroppedCount;

    public bool IsTerminated => Cell.IsTerminated;

    internal ActorCell Cell => _cell ?? throw new InvalidOperationException($"{Path} is not started");

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        (_mailbox ?? Cell.Mailbox).Post(new Envelope(message, sender));
    }

    public override string ToString() => $"Actor[{Path}#{Path.Uid}]";

    void IInternalActorRef.SendSystemMessage(SystemMessage message) => SendSystemMessage(message);

    internal void SendSystemMessage(SystemMessage message)
    {
        ActorCell cell = Cell;
        cell.OnLifecycleRequest(message);
        cell.Mailbox.PostSystem(message);
    }

    internal void Attach(ActorCell cell)
    {
        _cell = cell;
        _mailbox = cell.Mailbox;
    }
}
