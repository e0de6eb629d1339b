namespace NetHub.Actors;

/// <summary>
/// Failure, supervision, restart and termination, with Akka's semantics: a failing actor suspends and
/// reports to its parent; the parent's strategy resumes, restarts, stops or escalates. Restart runs
/// PreRestart on the old instance, waits for the children it stopped, then builds a fresh instance.
/// Stop stops the children first, then runs PostStop, then tells the parent and the watchers.
/// </summary>
internal sealed partial class ActorCell
{
    private Exception? _restartCause;

    /// <summary>Suspends this actor and asks the parent what to do.</summary>
    public void HandleInvokeFailure(Exception cause, object? message, Type? escalatedMessageType = null)
    {
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            ActorsLog.FailureWhileStopping(System.Log, cause, Path, message?.GetType().Name ?? "-");
            return;
        }

        if (_failed)
        {
            return;
        }

        _failed = true;
        _failedMessage = message;
        UpdateSuspension();
        ParentRef.SendSystemMessage(new Failed(SelfRef, cause, escalatedMessageType ?? message?.GetType()));
    }

    private void HandleChildFailed(Failed failed)
    {
        ChildStats? stats = FindChildStats(failed.Child);
        if (stats is null || _state is CellState.Terminating or CellState.Terminated)
        {
            // A child that is already gone, or being stopped with us; nothing to decide.
            return;
        }

        SupervisorStrategy strategy = _actor?.SupervisorStrategy() ?? Props.SupervisorStrategy ?? SupervisorStrategy.Default;
        Directive directive = strategy.Decide(stats, failed.Cause, System.Time.GetUtcNow(), out bool budgetExhausted);
        if (strategy.LoggingEnabled)
        {
            LogFailure(failed, directive, budgetExhausted, stats, strategy);
        }

        if (directive == Directive.Escalate)
        {
            HandleInvokeFailure(failed.Cause, null, failed.MessageType);
            return;
        }

        strategy.Apply(this, stats, directive, failed.Cause);
    }

    private void LogFailure(Failed failed, Directive directive, bool budgetExhausted, ChildStats stats, SupervisorStrategy strategy)
    {
        string messageType = failed.MessageType == typeof(EndOfRun)
            ? "the end of a run (RunCompleted, passing on what the run buffered)"
            : failed.MessageType?.Name ?? "no message (during start-up or restart)";
        string child = failed.Child.Path.ToString();
        switch (directive)
        {
            case Directive.Resume:
                ActorsLog.ChildResumed(System.Log, failed.Cause, child, messageType);
                break;
            case Directive.Restart:
                ActorsLog.ChildRestarted(System.Log, failed.Cause, child, messageType);
                break;
            case Directive.Stop when budgetExhausted:
                ActorsLog.ChildRestartBudgetExhausted(System.Log, failed.Cause, child, messageType, stats.RestartCount - 1, strategy.Within);
                break;
            case Directive.Stop:
                ActorsLog.ChildStopped(System.Log, failed.Cause, child, messageType);
                break;
            default:
                break;
        }
    }

    private void FaultResume(Exception cause)
    {
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            return;
        }

        if (_actor is null)
        {
            // Nothing to resume (the constructor threw): build a fresh instance instead.
            FaultRecreate(cause);
            return;
        }

        _failed = false;
        _failedMessage = null;
        UpdateSuspension();
    }

    private void FaultRecreate(Exception cause)
    {
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            return;
        }

        Actor? failedActor = _actor;
        _timers?.CancelAll();
        CancelStopping();
        if (failedActor is not null)
        {
            try
            {
                failedActor.PreRestart(cause, _failedMessage);
            }
            catch (Exception ex)
            {
                ActorsLog.LifecycleHookFailed(System.Log, ex, Path, nameof(Actor.PreRestart));
            }
        }

        _stash?.ReturnAllForRestart();
        _actor = null;
        _restartCause = cause;
        _state = CellState.Restarting;
        UpdateSuspension();
        if (_stoppingChildren.Count == 0)
        {
            FinishRecreate();
        }
    }

    private void FinishRecreate()
    {
        _restartRequested = false;
        Exception cause = _restartCause!;
        _restartCause = null;
        _state = CellState.Running;
        _stopping.Dispose();
        _stopping = new CancellationTokenSource();
        _failed = false;
        _failedMessage = null;
        IReadOnlyList<ChildStats> survivors = ChildStatsSnapshot();
        try
        {
            _actor = NewActor();
            _actor.PostRestart(cause);
            UpdateSuspension();
        }
        catch (Exception ex)
        {
            UpdateSuspension();
            HandleInvokeFailure(Initialization(ex, "restart"), null);
            return;
        }

        // Children the old instance kept are restarted too, now that their parent is running again.
        foreach (ChildStats survivor in survivors)
        {
            survivor.Child.SendSystemMessage(new Recreate(cause));
        }
    }

    private void BeginTerminate()
    {
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            return;
        }

        _state = CellState.Terminating;
        UpdateSuspension();
        _timers?.CancelAll();
        CancelStopping();
        foreach (ChildStats child in ChildStatsSnapshot())
        {
            StopChild(child.Child);
        }

        if (ChildCount == 0)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        Actor? actor = _actor;
        if (actor is not null)
        {
            try
            {
                actor.PostStop();
            }
            catch (Exception ex)
            {
                ActorsLog.LifecycleHookFailed(System.Log, ex, Path, nameof(Actor.PostStop));
            }
        }

        _actor = null;
        _state = CellState.Terminated;
        UpdateSuspension();
        _stash?.DropAll();
        DropUnstashed();
        _mailbox.Close();
        ParentRef.SendSystemMessage(new ChildTerminated(SelfRef));
        TellWatchersWeDied();
        UnwatchWatchedActors();
        _stopping.Dispose();
    }
}
