namespace NetHub.Actors;

/// <summary>
/// Async handlers. While a handler's task is pending the cell handles nothing at all, user or
/// system, so the actor's state is never touched by two messages at once. A stop or restart request
/// arriving meanwhile cancels <see cref="StoppingToken"/> so well-behaved handlers end promptly.
/// </summary>
internal sealed partial class ActorCell
{
    private volatile Task? _pendingTask;
    private volatile bool _stopRequested;
    private volatile bool _restartRequested;

    /// <summary>An async handler is in flight; the mailbox must not run anything else.</summary>
    public bool HoldsForAsync => _pendingTask is not null;

    public bool PendingAsyncCompleted => _pendingTask?.IsCompleted ?? false;

    /// <summary>Called by the sender side when a stop or restart is requested.</summary>
    public void OnLifecycleRequest(SystemMessage message)
    {
        if (message is Terminate)
        {
            _stopRequested = true;
        }
        else if (message is Recreate)
        {
            _restartRequested = true;
        }
        else
        {
            return;
        }

        // Pairs with BeginAsync: whichever of the two runs second sees the other's write.
        Interlocked.MemoryBarrier();
        if (_pendingTask is not null)
        {
            CancelStopping();
        }
    }

    /// <summary>Someone asked this actor to stop (it may not have got to it yet).</summary>
    public bool StopRequested => _stopRequested;

    /// <summary>At the start of each mailbox run: if the awaited handler finished, settle it (true when it did).</summary>
    public bool CompletePendingAsync()
    {
        Task? task = _pendingTask;
        if (task is null || !task.IsCompleted)
        {
            return false;
        }

        _pendingTask = null;
        UpdateSuspension();
        object? message = _current.Message;
        try
        {
            if (task.IsFaulted)
            {
                Exception cause = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
                HandleInvokeFailure(cause, message);
            }
            else if (task.IsCanceled && !_stopping.IsCancellationRequested)
            {
                HandleInvokeFailure(new TaskCanceledException($"{Path}: async handler for {message?.GetType().Name} was cancelled"), message);
            }
        }
        finally
        {
            _current = default;
        }

        return true;
    }

    private void BeginAsync(Task task)
    {
        _pendingTask = task;
        Interlocked.MemoryBarrier();
        if (_stopRequested || _restartRequested)
        {
            CancelStopping();
        }

        UpdateSuspension();
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onAsyncCompleted);
    }

    private void CancelStopping()
    {
        try
        {
            _stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already terminated.
        }
        catch (AggregateException ex)
        {
            ActorsLog.CancellationCallbackFailed(System.Log, ex, Path);
        }
    }
}
