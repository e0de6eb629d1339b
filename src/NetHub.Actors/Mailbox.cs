using System.Threading.Channels;

namespace NetHub.Actors;

/// <summary>
/// An actor's two queues and its scheduling state. User messages go through a lock-free
/// <see cref="MpscQueue{T}"/> when the mailbox is unbounded (the default), or a bounded <see cref="Channel{T}"/>
/// with a declared full mode; system messages through their own queue, checked before every user message. The mailbox is itself the thread-pool work item,
/// so scheduling allocates nothing; at most one thread runs it at a time (the Scheduled bit), and each run
/// handles at most the dispatcher's throughput quantum before yielding, so one busy actor cannot starve
/// the others.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int ScheduledBit = 1;
    private const int ClosedBit = 2;

    // Mirrors the cell's "no user message may run" state so a sender reads one word of the mailbox and
    // never the cell, whose fields the running actor writes for every message.
    private const int SuspendedBit = 4;

    // Unbounded: the queue alone (no lock per message, one reader, safe to peek and count from any thread). Bounded:
    // the channel, which implements the full modes.
    private readonly MpscQueue<Envelope>? _queue;
    private readonly ChannelReader<Envelope>? _reader;
    private readonly ChannelWriter<Envelope>? _writer;
    private readonly MpscQueue<SystemMessage> _system = new();
    private readonly Lock _drainLock = new();
    private ActorCell _cell = null!;
    private MessageDispatcher _dispatcher = null!;
    private int _status;

    // 1 once a system message is queued, 0 again when a run starts taking them: what a run asks between user messages,
    // one read where the queue itself would take several.
    private int _systemWaiting;
    private long _dropped;
    private bool _runsOnSender;

    public Mailbox(MailboxSettings settings)
    {
        Settings = settings;
        if (settings.Capacity is int capacity)
        {
            var options = new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                SingleWriter = false,
                AllowSynchronousContinuations = false,
                FullMode = settings.FullMode switch
                {
                    MailboxFullMode.DropOldest => BoundedChannelFullMode.DropOldest,
                    MailboxFullMode.DropNewest => BoundedChannelFullMode.DropWrite,
                    _ => BoundedChannelFullMode.Wait,
                },
            };
            var channel = Channel.CreateBounded<Envelope>(options, OnDropped);
            _reader = channel.Reader;
            _writer = channel.Writer;
        }
        else
        {
            _queue = new MpscQueue<Envelope>();
        }
    }

    public MailboxSettings Settings { get; }

    /// <summary>Messages discarded by the bounded full mode (or a Wait push timeout).</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Queued user messages, or -1 when the queue cannot count cheaply.</summary>
    public int QueuedCount => _queue?.Count ?? (_reader!.CanCount ? _reader.Count : -1);

    public bool IsClosed => (Volatile.Read(ref _status) & ClosedBit) != 0;

    /// <summary>Neither running nor waiting to run, nor suspended (tests wait for this before they tell).</summary>
    internal bool IsIdle => (Volatile.Read(ref _status) & (ScheduledBit | SuspendedBit | ClosedBit)) == 0;

    internal void Attach(ActorCell cell, MessageDispatcher dispatcher)
    {
        _cell = cell;
        _dispatcher = dispatcher;
        _runsOnSender = cell.Props.RunsOnSender;
    }

    public void Post(in Envelope envelope)
    {
        if (_queue is { } queue)
        {
            // The queue claims the slot with an interlocked compare-exchange before it stores the item, so the status read
            // below cannot pass the claim: a finishing run (which clears Scheduled, then looks at the queue, see Run's
            // finally) either is seen still scheduled here, and then sees the claimed slot and runs again, or is seen
            // idle here, and this sender schedules it. A closed mailbox's queue is drained by whoever sees the bit.
            queue.Enqueue(envelope);
        }
        else if (_writer!.TryWrite(envelope) || WriteSlow(envelope))
        {
            // The channel publishes the item with a release store and the status is read with an acquire load; without
            // a full fence the load could pass the store, and this sender and a finishing run would each miss the other.
            Interlocked.MemoryBarrier();
        }
        else
        {
            return;
        }

        int status = Volatile.Read(ref _status);
        if ((status & ClosedBit) != 0)
        {
            DrainClosed();
        }
        else if ((status & (ScheduledBit | SuspendedBit)) == 0)
        {
            TrySchedule(_runsOnSender);
        }
    }

    /// <summary>Called by the cell (on its own turn) whenever its suspension changes.</summary>
    internal void SetUserSuspended(bool suspended)
    {
        if (suspended)
        {
            Interlocked.Or(ref _status, SuspendedBit);
        }
        else
        {
            Interlocked.And(ref _status, ~SuspendedBit);
        }
    }

    public void PostSystem(SystemMessage message)
    {
        _system.Enqueue(message);
        // Also the fence between the queued message and the status read below.
        Interlocked.Exchange(ref _systemWaiting, 1);
        if (IsClosed)
        {
            DrainClosed();
        }
        else
        {
            TrySchedule();
        }
    }

    /// <summary>Schedules a run unless one is pending; safe from any thread.</summary>
    public void TrySchedule() => TrySchedule(mayRunHere: false);

    /// <summary>
    /// Schedules a run unless one is pending. With <paramref name="mayRunHere"/> (a user message to an actor that
    /// allows it), a thread that opted in through <see cref="InlineRuns"/> may take the run itself.
    /// </summary>
    private void TrySchedule(bool mayRunHere)
    {
        while (true)
        {
            int status = Volatile.Read(ref _status);
            if ((status & (ScheduledBit | ClosedBit)) != 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _status, status | ScheduledBit, status) == status)
            {
                if (!mayRunHere || !InlineRuns.TryTake(this))
                {
                    _dispatcher.Schedule(this);
                }

                return;
            }
        }
    }

    void IThreadPoolWorkItem.Execute() => Run();

    internal void Run()
    {
        try
        {
            bool settled = _cell.CompletePendingAsync();
            if (!IsClosed)
            {
                ProcessSystem();
            }

            if (!IsClosed)
            {
                ProcessUser(settled);
            }
        }
        catch (Exception ex)
        {
            _cell.ReportRuntimeFault(ex);
        }
        finally
        {
            Interlocked.And(ref _status, ~ScheduledBit);
            if (HasWork())
            {
                TrySchedule();
            }
        }
    }

    /// <summary>Closes the mailbox; everything still queued, now or later, goes to dead letters.</summary>
    internal void Close()
    {
        Interlocked.Or(ref _status, ClosedBit);
        _writer?.TryComplete();
        DrainClosed();
    }

    private void ProcessSystem()
    {
        // Cleared before the queue is read, with a fence: a message queued after this either is taken below or sets it
        // again. Messages left while the actor awaits a task are taken by the run its completion schedules, which starts here.
        Interlocked.Exchange(ref _systemWaiting, 0);
        while (!_cell.HoldsForAsync && _system.TryDequeue(out SystemMessage? message))
        {
            _cell.SystemInvoke(message);
            if (IsClosed)
            {
                return;
            }
        }
    }

    /// <summary>Handles user messages up to the throughput quantum, then lets the actor pass on what the run buffered.</summary>
    private void ProcessUser(bool settledAsync)
    {
        int throughput = _dispatcher.Throughput;
        int left = throughput;
        MpscQueue<Envelope>? queue = _queue;
        while (left > 0 && !_cell.IsUserSuspended)
        {
            if (!_cell.TryTakeUnstashed(out Envelope envelope))
            {
                if (queue is not null ? !queue.TryDequeue(out envelope) : !_reader!.TryRead(out envelope))
                {
                    break;
                }
            }

            _cell.Invoke(envelope);
            left--;
            if (Volatile.Read(ref _systemWaiting) != 0)
            {
                ProcessSystem();
                if (IsClosed)
                {
                    return;
                }
            }
        }

        if (left < throughput || settledAsync)
        {
            _cell.CompleteRun();
        }
    }

    private bool HasWork()
    {
        if (IsClosed)
        {
            return false;
        }

        if (_cell.HoldsForAsync)
        {
            return _cell.PendingAsyncCompleted;
        }

        return !_system.IsEmpty || (!_cell.IsUserSuspended && (_cell.HasUnstashed || HasQueuedUser()));
    }

    /// <summary>
    /// Whether a user message waits in the queue; safe while another run reads. The queue counts a slot a sender has
    /// claimed but not yet filled as taken, and its readers wait for the item, so a message in flight is never missed.
    /// A bounded channel is read under its own lock, so a peek is safe there.
    /// </summary>
    private bool HasQueuedUser() => _queue is { } queue ? !queue.IsEmpty : _reader!.TryPeek(out _);

    private bool WriteSlow(in Envelope envelope)
    {
        if (IsClosed || Settings.FullMode != MailboxFullMode.Wait || Settings.Capacity is null)
        {
            // Unbounded writers only fail once completed; drop modes never fail.
            _cell.SendToDeadLetters(envelope);
            return false;
        }

        // A bounded Wait mailbox blocks the sender (bounded by the push timeout) rather than losing a cue.
        long deadline = Environment.TickCount64 + (long)Settings.PushTimeout.TotalMilliseconds;
        while (true)
        {
            if (_writer!.TryWrite(envelope))
            {
                return true;
            }

            long left = deadline - Environment.TickCount64;
            if (left <= 0 || IsClosed)
            {
                Interlocked.Increment(ref _dropped);
                _cell.SendToDeadLetters(envelope);
                return false;
            }

            ValueTask<bool> wait = _writer.WaitToWriteAsync();
            if (!wait.IsCompleted && !wait.AsTask().Wait(TimeSpan.FromMilliseconds(left)))
            {
                continue;
            }
        }
    }

    private void DrainClosed()
    {
        // Whoever notices the closed bit drains; the lock keeps the single-reader channel single-read.
        lock (_drainLock)
        {
            Envelope envelope;
            while (_queue is not null ? _queue.TryDequeue(out envelope) : _reader!.TryRead(out envelope))
            {
                _cell.SendToDeadLetters(envelope);
            }

            while (_system.TryDequeue(out SystemMessage? message))
            {
                _cell.SystemInvokeAfterDeath(message);
            }
        }
    }

    private void OnDropped(Envelope envelope) => Interlocked.Increment(ref _dropped);
}
