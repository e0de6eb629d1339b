using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Cues;

/// <summary>Firing cues: pre-waits, actions, follows, and STOP.</summary>
public sealed partial class CuesActor
{
    /// <summary>Fires cue <paramref name="index"/> and puts the one after it on standby. Returns "fired" or "started (pre-wait 2s)".</summary>
    private string Fire(CueListState list, int index, string why)
    {
        CueDefinition cue = list.Cues[index];
        if (++_firesThisStep > MaxFiresPerStep)
        {
            CuesLog.TooManyFires(Log, list.Name, cue.Label, why, MaxFiresPerStep);
            return "not fired (too many cues fired in one step: check go actions that trigger each other)";
        }

        list.Standby = index + 1;
        var run = new CueRun(++_nextId, list, index);
        CueSlot slot = run.Slot;
        if (slot.Current is { } previous && previous.PreWaitPending)
        {
            // Fired again while still waiting: the earlier firing is replaced, not doubled.
            CancelRun(previous);
        }

        slot.Current = run;
        slot.LastFired = Clock.GetUtcNow();
        _runs[run.Id] = run;
        CuesLog.CueFired(Log, list.Name, cue.Label, why);
        if (cue.PreWait > TimeSpan.Zero)
        {
            run.PreWaitPending = true;
            var elapsed = new PreWaitElapsed(run.Id);
            Timers.StartSingleTimer(elapsed, elapsed, cue.PreWait);
            UpdateState(run);
            return $"started (pre-wait {FormatTime(cue.PreWait)})";
        }

        Execute(run);
        return "fired";
    }

    private void OnPreWaitElapsed(PreWaitElapsed elapsed)
    {
        _firesThisStep = 0;
        if (_runs.TryGetValue(elapsed.RunId, out CueRun? run) && run.PreWaitPending)
        {
            Execute(run);
        }
    }

    private void OnPostWaitElapsed(PostWaitElapsed elapsed)
    {
        _firesThisStep = 0;
        if (_runs.TryGetValue(elapsed.RunId, out CueRun? run) && run.FollowPending)
        {
            FireNext(run);
        }
    }

    private void Execute(CueRun run)
    {
        run.PreWaitPending = false;
        foreach (CueAction action in run.Cue.Actions)
        {
            Perform(run, action);
        }

        run.ActionsFired = true;
        UpdateState(run);
        if (run.Cue.Continue == CueContinue.AutoContinue)
        {
            ScheduleNext(run);
        }

        CheckComplete(run);
    }

    private void Perform(CueRun run, CueAction action)
    {
        switch (action)
        {
            case SendAction send:
                _router.Tell(new SendTo(send.Target.Endpoint, HubMessage.Create(Clock.GetUtcNow(), Source, send.Target.Address, new OscPayload(send.Arguments)), Lane.Reliable), Self);
                _mirror[send.Target] = send.Arguments;
                break;
            case SetAction set:
                ReleaseFromFade(set.Target);
                SetTarget(set.Target, set.Value, run.Origin, Lane.Reliable);
                break;
            case SceneAction sceneAction:
                SceneState scene = FindScene(sceneAction.Scene)!;
                StartScene(scene, sceneAction.Fade ?? scene.Fade, run.Origin, run);
                break;
            case GoAction go:
                CueListState target = _lists.Find(l => string.Equals(l.Name, go.List, StringComparison.Ordinal))!;
                string result = target.StandbyCue is { } standby
                    ? $"GO: cue {standby.Label} {Fire(target, target.Standby, $"go action of {run.Origin}")}"
                    : "GO: nothing on standby";
                CuesLog.ListAction(Log, target.Name, result, run.Cue.Label);
                break;
            case StopAction stop:
                CueListState stopped = _lists.Find(l => string.Equals(l.Name, stop.List, StringComparison.Ordinal))!;
                CuesLog.ListAction(Log, stopped.Name, $"STOP: {StopRuns(stopped, except: run)}", run.Cue.Label);
                break;
        }
    }

    /// <summary>Starts the post-wait before the next cue, or fires it now when there is no post-wait.</summary>
    private void ScheduleNext(CueRun run)
    {
        if (run.Index + 1 >= run.List.Count)
        {
            return;
        }

        if (run.Cue.PostWait > TimeSpan.Zero)
        {
            run.FollowPending = true;
            var elapsed = new PostWaitElapsed(run.Id);
            Timers.StartSingleTimer(elapsed, elapsed, run.Cue.PostWait);
            UpdateState(run);
            return;
        }

        FireNext(run);
    }

    private void FireNext(CueRun run)
    {
        run.FollowPending = false;
        string how = run.Cue.Continue == CueContinue.AutoFollow ? "auto-follow" : "auto-continue";
        Fire(run.List, run.Index + 1, $"{how} from cue {run.Cue.Label}");
        UpdateState(run);
        ForgetIfIdle(run);
    }

    /// <summary>A run is complete once its actions fired and its fades ended; auto-follow then moves on.</summary>
    private void CheckComplete(CueRun run)
    {
        if (!run.ActionsFired || run.Completed || run.Fades.Count > 0)
        {
            return;
        }

        run.Completed = true;
        if (run.Cue.Continue == CueContinue.AutoFollow)
        {
            ScheduleNext(run);
        }

        UpdateState(run);
        ForgetIfIdle(run);
    }

    private static void UpdateState(CueRun run)
    {
        if (!ReferenceEquals(run.Slot.Current, run))
        {
            return;
        }

        run.Slot.State = run.PreWaitPending ? CueState.PreWait
            : run.FollowPending ? CueState.PostWait
            : run.Fades.Count > 0 || !run.ActionsFired ? CueState.Running
            : CueState.Done;
    }

    private void ForgetIfIdle(CueRun run)
    {
        if (!run.HasPending && run.Completed)
        {
            _runs.Remove(run.Id);
        }
    }

    /// <summary>Cancels the runs of <paramref name="list"/> (every list, and recall fades too, when null). Says what it stopped.</summary>
    private string StopRuns(CueListState? list, CueRun? except = null)
    {
        var stopped = new List<string>();
        int fadesBefore = _fades.Count;
        foreach (CueRun run in _runs.Values.Where(r => (list is null || r.List == list) && r != except).ToList())
        {
            string state = run.PreWaitPending ? "pre-wait" : run.FollowPending ? "post-wait" : "fading";
            CancelRun(run);
            stopped.Add($"cue {run.Cue.Label} ({state})");
        }

        if (list is null)
        {
            foreach (FadeRun fade in _fades.Values.ToList())
            {
                EndFade(fade, FadeEnd.Stopped);
            }
        }

        int fades = fadesBefore - _fades.Count;
        if (stopped.Count == 0 && fades == 0)
        {
            return "nothing was running";
        }

        string cues = stopped.Count == 0 ? "no cue" : string.Join(", ", stopped);
        return $"stopped {cues}; {fades} fade(s) stopped where they were";
    }

    private void CancelRun(CueRun run)
    {
        // Completed first, so ending its fades cannot start its follow.
        run.Completed = true;
        Timers.Cancel(new PreWaitElapsed(run.Id));
        Timers.Cancel(new PostWaitElapsed(run.Id));
        run.PreWaitPending = false;
        run.FollowPending = false;
        foreach (long id in run.Fades.ToList())
        {
            if (_fades.TryGetValue(id, out FadeRun? fade))
            {
                EndFade(fade, FadeEnd.Stopped);
            }
        }

        MarkStopped(run);
        _runs.Remove(run.Id);
    }

    private static void MarkStopped(CueRun run)
    {
        run.Completed = true;
        if (ReferenceEquals(run.Slot.Current, run))
        {
            run.Slot.State = CueState.Stopped;
        }
    }

    private void SetTarget(ValueTarget target, IReadOnlyList<OscArgument> value, string origin, Lane lane)
    {
        _mirror[target] = value;
        _router.Tell(new SetValue(target, value, origin, lane), Self);
    }
}
