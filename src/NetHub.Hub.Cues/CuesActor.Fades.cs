using NetHub.Osc;

namespace NetHub.Hub.Cues;

/// <summary>Scenes: recall at once or as a timed fade, takeover of a target by a newer fade, and the status report.</summary>
public sealed partial class CuesActor
{
    private enum FadeEnd
    {
        Finished,
        TakenOver,
        Stopped,
    }

    /// <summary>Recalls <paramref name="scene"/>; says what it did ("fading 2 value(s) over 3s", "set 3 value(s)").</summary>
    private string StartScene(SceneState scene, TimeSpan fade, string origin, CueRun? owner)
    {
        if (fade <= TimeSpan.Zero)
        {
            foreach (SceneValue value in scene.Values)
            {
                ReleaseFromFade(value.Target);
                SetTarget(value.Target, value.Value, origin, Lane.Reliable);
            }

            return $"set {scene.Values.Count} value(s)";
        }

        var run = new FadeRun(++_nextId, scene.Name, owner, origin, Clock.GetTimestamp(), fade);
        var jumped = new List<string>();
        foreach (SceneValue value in scene.Values)
        {
            ReleaseFromFade(value.Target);
            if (_mirror.TryGetValue(value.Target, out IReadOnlyList<OscArgument>? current) && Interpolation.CanFade(current, value.Value))
            {
                run.Tracks.Add(new FadeTrack(value.Target, current, value.Value));
            }
            else
            {
                SetTarget(value.Target, value.Value, origin, Lane.Reliable);
                jumped.Add(value.Target.ToString());
            }
        }

        string jumpedText = jumped.Count == 0 ? string.Empty : $"; set at once (no current numeric value to fade from): {string.Join(", ", jumped)}";
        if (run.Tracks.Count == 0)
        {
            return $"set {jumped.Count} value(s) at once (no current numeric value to fade from)";
        }

        foreach (FadeTrack track in run.Tracks)
        {
            _fadeOwner[track.Target] = run.Id;
        }

        _fades[run.Id] = run;
        owner?.Fades.Add(run.Id);
        scene.CurrentFade = run.Id;
        SendStep(run, 0);
        ScheduleTick(run, TimeSpan.Zero, TimeSpan.Zero);
        return $"fading {run.Tracks.Count} value(s) over {FormatTime(fade)}{jumpedText}";
    }

    private void OnFadeTick(FadeTick tick)
    {
        _firesThisStep = 0;
        if (!_fades.TryGetValue(tick.FadeId, out FadeRun? fade))
        {
            return;
        }

        // A timer can fire a little before the clock says it is due (the system's timers count whole milliseconds).
        // Such a tick counts as on time: waiting out the rest of its interval would take a timer that fires at once,
        // and again, each sending a step, until the clock caught up.
        TimeSpan elapsed = Clock.GetElapsedTime(fade.Started);
        TimeSpan at = elapsed < fade.Due ? fade.Due : elapsed;
        if (at >= fade.Duration)
        {
            foreach (FadeTrack track in fade.Tracks)
            {
                SetTarget(track.Target, track.To, fade.Origin, Lane.Reliable);
            }

            EndFade(fade, FadeEnd.Finished);
            return;
        }

        SendStep(fade, at / fade.Duration);
        ScheduleTick(fade, at, elapsed);
    }

    /// <summary>The value for the elapsed time itself, not a count of ticks, so a late tick is still exact.</summary>
    private void SendStep(FadeRun fade, double progress)
    {
        foreach (FadeTrack track in fade.Tracks)
        {
            SetTarget(track.Target, Interpolation.At(track.From, track.To, progress), fade.Origin, Lane.LatestValue);
        }
    }

    /// <summary>
    /// The next tick falls on the next multiple of the tick interval after the tick at <paramref name="at"/>, and the
    /// last exactly on the end; it is <paramref name="elapsed"/> by the clock now.
    /// </summary>
    private void ScheduleTick(FadeRun fade, TimeSpan at, TimeSpan elapsed)
    {
        long step = (at.Ticks / _tickInterval.Ticks) + 1;
        fade.Due = TimeSpan.FromTicks(Math.Min(step * _tickInterval.Ticks, fade.Duration.Ticks));
        var tick = new FadeTick(fade.Id);
        Timers.StartSingleTimer(tick, tick, fade.Due - elapsed);
    }

    /// <summary>A target set by something newer leaves the fade that was moving it; a fade left with no target ends.</summary>
    private void ReleaseFromFade(ValueTarget target)
    {
        if (!_fadeOwner.Remove(target, out long id) || !_fades.TryGetValue(id, out FadeRun? fade))
        {
            return;
        }

        fade.Tracks.RemoveAll(t => t.Target == target);
        if (fade.Tracks.Count == 0)
        {
            EndFade(fade, FadeEnd.TakenOver);
        }
    }

    private void EndFade(FadeRun fade, FadeEnd how)
    {
        Timers.Cancel(new FadeTick(fade.Id));
        _fades.Remove(fade.Id);
        foreach (FadeTrack track in fade.Tracks)
        {
            if (_fadeOwner.TryGetValue(track.Target, out long owner) && owner == fade.Id)
            {
                _fadeOwner.Remove(track.Target);
            }
        }

        SceneState? scene = FindScene(fade.Scene);
        if (scene is not null && scene.CurrentFade == fade.Id)
        {
            scene.CurrentFade = null;
        }

        CuesLog.FadeEnded(Log, fade.Scene, how switch
        {
            FadeEnd.Finished => "finished",
            FadeEnd.TakenOver => "taken over by a newer recall or set",
            _ => "stopped",
        });
        if (fade.Owner is { } run)
        {
            run.Fades.Remove(fade.Id);
            if (how != FadeEnd.Stopped)
            {
                UpdateState(run);
                CheckComplete(run);
            }
        }
    }

    private CueStatusReport Report()
    {
        var lists = _lists.Select(l => new CueListStatus(
            l.Name,
            l.StandbyCue?.Number,
            [.. l.Cues.Select((c, i) => new CueStatus(c.Number, c.Name, l.Slots[i].State, l.Slots[i].LastFired))])).ToList();
        var scenes = _scenes.Select(s =>
        {
            if (s.CurrentFade is long id && _fades.TryGetValue(id, out FadeRun? fade))
            {
                double progress = Math.Clamp(Clock.GetElapsedTime(fade.Started) / fade.Duration, 0, 1);
                return new SceneStatus(s.Name, true, progress, s.Saved);
            }

            return new SceneStatus(s.Name, false, 0, s.Saved);
        }).ToList();
        return new CueStatusReport(lists, scenes, _rejected, _snapshotSaveFailures);
    }
}
