using Microsoft.Extensions.Logging;

namespace NetHub.Actors;

/// <summary>
/// The runtime side of one actor: its mailbox, current actor instance, children, watchers, timers
/// and stash. All state here is touched only on the actor's turn (the mailbox run), except what is
/// marked volatile or locked for lookups from other threads.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The stopping token source is disposed when the cell terminates; cells are not disposed by their users.")]
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_constructing;

    private readonly Mailbox _mailbox;
    private readonly Action _onAsyncCompleted;
    private Actor? _actor;
    private Envelope _current;
    private CellState _state = CellState.Creating;
    private bool _failed;
    private object? _failedMessage;
    private volatile bool _userSuspended = true;
    private CancellationTokenSource _stopping = new();
    private TimerScheduler? _timers;
    private ActorStash? _stash;
    private ILogger? _log;

    public ActorCell(ActorSystem system, LocalActorRef self, IInternalActorRef parent, Props props, Mailbox mailbox, MessageDispatcher dispatcher)
    {
        System = system;
        SelfRef = self;
        ParentRef = parent;
        Props = props;
        _mailbox = mailbox;
        _mailbox.Attach(this, dispatcher);
        _mailbox.SetUserSuspended(true);
        _onAsyncCompleted = _mailbox.TrySchedule;
    }

    /// <summary>The cell whose actor is being constructed on this thread; read by the <see cref="Actor"/> constructor.</summary>
    internal static ActorCell? Constructing => t_constructing;

    public ActorSystem System { get; }

    public LocalActorRef SelfRef { get; }

    public IInternalActorRef ParentRef { get; }

    public Props Props { get; }

    public IActorRef Self => SelfRef;

    public IActorRef Parent => ParentRef;

    public ActorPath Path => SelfRef.Path;

    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    public ILogger Log => _log ??= System.LoggerFactory.CreateLogger(Props.ActorType.FullName ?? Props.ActorType.Name);

    public ITimerScheduler Timers => _timers ??= new TimerScheduler(this);

    public IStash Stash => _stash ??= new ActorStash(this, Props.StashCapacity ?? System.Settings.StashCapacity);

    public CancellationToken StoppingToken => _stopping.Token;

    public Mailbox Mailbox => _mailbox;

    /// <summary>No user message may be handled now (not created, failed, restarting, stopping, or awaiting).</summary>
    public bool IsUserSuspended => _userSuspended;

    public bool IsTerminated => _state == CellState.Terminated || _mailbox.IsClosed;

    internal object? CurrentMessage => _current.Message;

    internal Envelope CurrentEnvelope => _current;

    internal Type? CurrentMessageType => _current.Message?.GetType();

    public void Start() => _mailbox.PostSystem(Create.Instance);

    public void SendToDeadLetters(in Envelope envelope) =>
        System.PublishDeadLetter(envelope.Message, envelope.Sender, SelfRef);

    /// <summary>Handles one user message; every exception becomes a supervised failure.</summary>
    public void Invoke(Envelope envelope)
    {
        _current = envelope;
        object message = envelope.Message;
        try
        {
            InvokeCore(ref message);
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(ex, message);
        }
        finally
        {
            if (_pendingTask is null)
            {
                _current = default;
            }
        }
    }

    /// <summary>After a mailbox run that handled user messages: lets the actor pass on what it buffered in the run.</summary>
    public void CompleteRun()
    {
        if (_userSuspended || _actor is not { } actor)
        {
            return;
        }

        try
        {
            actor.RunCompleted();
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(ex, null, typeof(EndOfRun));
        }
    }

    private void InvokeCore(ref object message)
    {
        switch (message)
        {
            case TimerMessage timer:
                if (_timers is null || !_timers.TryAccept(timer))
                {
                    return;
                }

                message = timer.Message;
                _current = new Envelope(message, null);
                break;
            case PoisonPill:
                _mailbox.PostSystem(Terminate.Instance);
                return;
            case Kill:
                ThrowKilled();
                return;
            case Terminated terminated when !AcceptTerminated(terminated):
                return;
        }

        Actor actor = _actor!;
        if (!actor.Dispatch(message, out Task? pending))
        {
            actor.RunUnhandled(message);
        }
        else if (pending is not null)
        {
            if (!pending.IsCompleted)
            {
                BeginAsync(pending);
                return;
            }

            pending.GetAwaiter().GetResult();
        }
    }

    /// <summary>Kept out of <see cref="InvokeCore"/>: the message text's buffer would otherwise be set up on every call.</summary>
    [global::System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ThrowKilled() => throw new ActorKilledException($"{Path} received Kill");

    /// <summary>Handles one system message.</summary>
    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    CreateActor();
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Resume resume:
                    FaultResume(resume.Cause);
                    break;
                case Terminate:
                    BeginTerminate();
                    break;
                case Watch watch:
                    AddWatcher(watch);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification);
                    break;
                case Failed failed:
                    HandleChildFailed(failed);
                    break;
                case ChildTerminated childTerminated:
                    HandleChildTerminated(childTerminated);
                    break;
            }
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(ex, null);
        }
    }

    /// <summary>A system message that reached this cell after it terminated.</summary>
    public void SystemInvokeAfterDeath(SystemMessage message)
    {
        if (message is Watch watch && !ReferenceEquals(watch.Watcher, SelfRef))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(SelfRef, ExistenceConfirmed: false));
        }
    }

    /// <summary>An exception escaped the runtime itself: log it and stop the actor rather than crash the node.</summary>
    public void ReportRuntimeFault(Exception ex)
    {
        ActorsLog.RuntimeFault(System.Log, ex, Path);
        if (_state is not (CellState.Terminating or CellState.Terminated))
        {
            _mailbox.PostSystem(Terminate.Instance);
        }
    }

    public void PublishUnhandled(object message) =>
        System.PublishUnhandled(new UnhandledMessage(message, _current.Sender, SelfRef));

    IActorRef? IActorContext.Child(string name) => TryGetChild(name);

    IReadOnlyCollection<IActorRef> IActorContext.Children => ChildrenSnapshot();

    IActorRef IActorContext.ActorOf(Props props, string? name) => ActorOf(props, name);

    void IActorContext.Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, SelfRef))
        {
            _mailbox.PostSystem(Terminate.Instance);
        }
        else if (actor is LocalActorRef local && IsChild(local))
        {
            StopChild(local);
        }
        else if (actor is IInternalActorRef other)
        {
            other.SendSystemMessage(Terminate.Instance);
        }
    }

    private void CreateActor()
    {
        try
        {
            _actor = NewActor();
            _actor.PreStart();
            _state = CellState.Running;
            UpdateSuspension();
        }
        catch (Exception ex)
        {
            _state = CellState.Running;
            HandleInvokeFailure(Initialization(ex, "start"), null);
        }
    }

    private Actor NewActor()
    {
        ActorCell? previous = t_constructing;
        t_constructing = this;
        try
        {
            Actor actor = Props.Factory();
            actor.EndConfiguration();
            return actor;
        }
        finally
        {
            t_constructing = previous;
        }
    }

    private ActorInitializationException Initialization(Exception ex, string phase)
    {
        // Props.Create<T>() constructs through Activator, which wraps the constructor's exception.
        if (ex is System.Reflection.TargetInvocationException { InnerException: { } inner })
        {
            ex = inner;
        }

        return ex as ActorInitializationException
            ?? new ActorInitializationException($"{Path} ({Props.ActorType.Name}) failed to {phase}: {ex.Message}", ex) { Actor = Path };
    }

    private void UpdateSuspension()
    {
        bool suspended = _actor is null || _failed || _state != CellState.Running || _pendingTask is not null;
        if (suspended != _userSuspended)
        {
            _userSuspended = suspended;
            _mailbox.SetUserSuspended(suspended);
        }
    }

    private enum CellState
    {
        Creating,
        Running,
        Restarting,
        Terminating,
        Terminated,
    }
}

/// <summary>Names <see cref="Actor.RunCompleted"/> as the failing step in a supervisor's log.</summary>
internal sealed class EndOfRun;
