namespace NetHub.Actors;

/// <summary>
/// Keeps one child alive with exponential backoff and jitter: when it fails (or stops, in
/// <see cref="BackoffMode.OnStop"/>) it is stopped and re-created after a growing delay, so a device
/// that is down is retried without hammering it. Messages sent to the supervisor are forwarded to the
/// current child (dead letters while it is down). Each restart is logged with the child's path, the
/// delay, the attempt and the cause.
/// </summary>
public sealed class BackoffSupervisor : Actor
{
    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _attempt;
    private Exception? _failure;
    private bool _stopForGood;

    public BackoffSupervisor(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Receive<Terminated>(t => ReferenceEquals(t.ActorRef, _child), OnChildTerminated);
        Receive<StartChild>(_ => StartChildNow());
        Receive<ResetCounter>(_ => _attempt = 0);
        Receive<GetCurrentChild>(_ => Sender.Tell(new CurrentChild(_child)));
        Receive<GetRestartCount>(_ => Sender.Tell(new RestartCount(_attempt)));
        Receive<Reset>(_ => _attempt = 0);
        ReceiveAny(Forward);
    }

    protected internal override SupervisorStrategy SupervisorStrategy() => _options.Mode == BackoffMode.OnFailure
        ? new BackoffStrategy(this)
        : new OneForOneStrategy(_options.Decider);

    protected internal override void PreStart() => StartChildNow();

    /// <summary>Replies <see cref="CurrentChild"/>.</summary>
    public sealed record GetCurrentChild
    {
        public static GetCurrentChild Instance { get; } = new();
    }

    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Replies <see cref="RestartCount"/>: consecutive restarts since the child was last stable.</summary>
    public sealed record GetRestartCount
    {
        public static GetRestartCount Instance { get; } = new();
    }

    public sealed record RestartCount(int Count);

    /// <summary>Forgets the consecutive-restart count (after a fix, say) so the next delay is the minimum.</summary>
    public sealed record Reset
    {
        public static Reset Instance { get; } = new();
    }

    private sealed record StartChild
    {
        public static StartChild Instance { get; } = new();
    }

    private sealed record ResetCounter
    {
        public static ResetCounter Instance { get; } = new();
    }

    private void StartChildNow()
    {
        _failure = null;
        _child = Context.ActorOf(_options.ChildProps, _options.ChildName);
        Context.Watch(_child);
        Timers.StartSingleTimer(ResetCounter.Instance, ResetCounter.Instance, _options.ResetAfter);
    }

    private void OnChildTerminated(Terminated terminated)
    {
        _child = null;
        Timers.Cancel(ResetCounter.Instance);
        string childPath = terminated.ActorRef.Path.ToString();
        if (_stopForGood || (_options.Mode == BackoffMode.OnFailure && _failure is null))
        {
            Context.Stop(Self);
            return;
        }

        if (_options.MaxRestarts >= 0 && _attempt >= _options.MaxRestarts)
        {
            ActorsLog.BackoffGaveUp(Log, childPath, _attempt, _options.MaxRestarts);
            Context.Stop(Self);
            return;
        }

        TimeSpan delay = _options.DelayFor(_attempt, Random.Shared.NextDouble());
        _attempt++;
        string limit = _options.MaxRestarts >= 0 ? $" of {_options.MaxRestarts}" : string.Empty;
        Exception? cause = _failure is ActorInitializationException { InnerException: { } inner } ? inner : _failure;
        string reason = cause is null ? "it stopped" : $"{cause.GetType().Name}: {cause.Message}";
        Timers.StartSingleTimer(StartChild.Instance, StartChild.Instance, delay);
        ActorsLog.BackoffRestartScheduled(Log, childPath, delay.TotalMilliseconds, _attempt, limit, reason);
    }

    private void Forward(object message)
    {
        if (_child is not null)
        {
            _child.Tell(message, Sender);
        }
        else
        {
            Context.System.DeadLetters.Tell(new DeadLetter(message, Sender, Self));
        }
    }

    /// <summary>Restart means "stop now, re-create after the backoff"; Stop means "and never again".</summary>
    private sealed record BackoffStrategy : SupervisorStrategy
    {
        private readonly BackoffSupervisor _owner;

        public BackoffStrategy(BackoffSupervisor owner)
            : base(owner._options.Decider, -1, Timeout.InfiniteTimeSpan, loggingEnabled: false) => _owner = owner;

        internal override IEnumerable<ChildStats> Affected(ActorCell supervisor, ChildStats failed) => [failed];

        internal override void Apply(ActorCell supervisor, ChildStats failed, Directive directive, Exception cause)
        {
            if (directive == Directive.Resume)
            {
                base.Apply(supervisor, failed, directive, cause);
                return;
            }

            _owner._failure = cause;
            if (directive != Directive.Restart)
            {
                _owner._stopForGood = true;
                ActorsLog.BackoffChildStoppedForGood(_owner.Log, cause, failed.Child.Path.ToString());
            }

            supervisor.StopChild(failed.Child);
        }
    }
}
