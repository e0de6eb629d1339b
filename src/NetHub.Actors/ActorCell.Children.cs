namespace NetHub.Actors;

/// <summary>
/// Children: creation with unique names, lookup (from any thread), and the bookkeeping that makes
/// children stop before their parent and a restart wait for the children it stopped.
/// </summary>
internal sealed partial class ActorCell
{
    private readonly Dictionary<string, ChildStats> _children = new(StringComparer.Ordinal);
    private readonly Lock _childrenLock = new();
    private readonly HashSet<LocalActorRef> _stoppingChildren = [];
    private long _nextChildId;

    public IActorRef ActorOf(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            throw new InvalidOperationException($"{Path} is stopping and cannot create children");
        }

        if (name is null)
        {
            name = "$" + NextGeneratedName();
        }
        else if (!ActorPath.IsValidName(name, allowGenerated: false))
        {
            throw new InvalidActorNameException(
                $"Invalid actor name '{name}' under {Path}: use letters, digits and -_.*+:@&=,!~';, not starting with '$'");
        }

        Mailbox mailbox = System.CreateMailbox(props);
        MessageDispatcher dispatcher = System.GetDispatcher(props.Dispatcher);
        LocalActorRef child;
        lock (_childrenLock)
        {
            // A child that has terminated but whose notice this parent has not handled yet no longer
            // holds its name: whoever saw its Terminated may re-create it at once.
            if (_children.TryGetValue(name, out ChildStats? existing) && !existing.Child.IsTerminated)
            {
                throw new InvalidActorNameException($"Actor name '{name}' is not unique under {Path}: a live child already has it");
            }

            child = new LocalActorRef(Path.Child(name, System.NextUid()));
            var cell = new ActorCell(System, child, SelfRef, props, mailbox, dispatcher);
            child.Attach(cell);
            _children[name] = new ChildStats(child);
        }

        child.Cell.Start();
        return child;
    }

    public LocalActorRef? TryGetChild(string name)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(name, out ChildStats? stats) ? stats.Child : null;
        }
    }

    public IReadOnlyCollection<IActorRef> ChildrenSnapshot()
    {
        lock (_childrenLock)
        {
            return [.. _children.Values.Select(s => s.Child)];
        }
    }

    public IReadOnlyList<ChildStats> ChildStatsSnapshot()
    {
        lock (_childrenLock)
        {
            return [.. _children.Values];
        }
    }

    /// <summary>Asks a child to stop and remembers it, so a restart or stop can wait for it.</summary>
    public void StopChild(LocalActorRef child)
    {
        if (IsChild(child))
        {
            _stoppingChildren.Add(child);
        }

        child.SendSystemMessage(Terminate.Instance);
    }

    private bool IsChild(LocalActorRef actor)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(actor.Path.Name, out ChildStats? stats) && ReferenceEquals(stats.Child, actor);
        }
    }

    private int ChildCount
    {
        get
        {
            lock (_childrenLock)
            {
                return _children.Count;
            }
        }
    }

    private ChildStats? FindChildStats(IActorRef child)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(child.Path.Name, out ChildStats? stats) && ReferenceEquals(stats.Child, child) ? stats : null;
        }
    }

    private void HandleChildTerminated(ChildTerminated message)
    {
        lock (_childrenLock)
        {
            if (_children.TryGetValue(message.Child.Path.Name, out ChildStats? stats) && ReferenceEquals(stats.Child, message.Child))
            {
                _children.Remove(message.Child.Path.Name);
            }
        }

        if (message.Child is LocalActorRef local)
        {
            _stoppingChildren.Remove(local);
        }

        if (_state == CellState.Restarting && _stoppingChildren.Count == 0)
        {
            FinishRecreate();
        }
        else if (_state == CellState.Terminating && ChildCount == 0)
        {
            FinishTerminate();
        }
    }

    private string NextGeneratedName()
    {
        // Base-36 like Akka's "$a", "$b"...: short and stable for logs.
        long n = Interlocked.Increment(ref _nextChildId) - 1;
        const string digits = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> buffer = stackalloc char[16];
        int pos = buffer.Length;
        do
        {
            buffer[--pos] = digits[(int)(n % 36)];
            n /= 36;
        }
        while (n > 0);
        return new string(buffer[pos..]);
    }
}
