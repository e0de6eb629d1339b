namespace NetHub.Actors;

/// <summary>
/// The temporary reference an ask replies to. The first reply completes the task; a
/// <see cref="Status.Failure"/> faults it; a reply of the wrong type faults it with an error that says
/// which type came back. Later replies are dead letters.
/// </summary>
internal sealed class PromiseActorRef<T> : IInternalActorRef
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorSystem _system;
    private readonly IActorRef _target;
    private readonly Type _messageType;
    private readonly TimeSpan _timeout;
    private ITimer? _timer;
    private CancellationTokenRegistration _registration;

    public PromiseActorRef(ActorSystem system, ActorPath path, IActorRef target, Type messageType, TimeSpan timeout)
    {
        _system = system;
        Path = path;
        _target = target;
        _messageType = messageType;
        _timeout = timeout;
    }

    public ActorPath Path { get; }

    public bool IsTerminated => _promise.Task.IsCompleted;

    public Task<T> Task => _promise.Task;

    public void Start(CancellationToken cancellationToken)
    {
        _timer = _system.Time.CreateTimer(static s => ((PromiseActorRef<T>)s!).TimeOut(), this, _timeout, Timeout.InfiniteTimeSpan);
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static s => ((PromiseActorRef<T>)s!).Cancelled(), this);
        }
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        bool completed = message switch
        {
            Status.Failure failure => _promise.TrySetException(failure.Cause),
            Status.Success { Value: T value } => _promise.TrySetResult(value),
            T value => _promise.TrySetResult(value),
            _ => _promise.TrySetException(new InvalidCastException(
                $"Ask to {_target.Path} with {_messageType.Name} expected a reply of type {typeof(T).Name} but got {message.GetType().Name}")),
        };
        if (completed)
        {
            Cleanup();
        }
        else
        {
            _system.PublishDeadLetter(message, sender, this);
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && IsTerminated)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false));
        }
    }

    private void TimeOut()
    {
        var timeout = new AskTimeoutException(
            $"Ask to {_target.Path} with {_messageType.Name} timed out after {_timeout.TotalMilliseconds:0} ms: " +
            $"no reply (the actor may be stopped, busy, or not reply to {_messageType.Name})")
        {
            Target = _target.Path,
            MessageType = _messageType,
            Timeout = _timeout,
        };
        if (_promise.TrySetException(timeout))
        {
            Cleanup();
        }
    }

    private void Cancelled()
    {
        if (_promise.TrySetCanceled())
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        _timer?.Dispose();
        _registration.Dispose();
    }
}
