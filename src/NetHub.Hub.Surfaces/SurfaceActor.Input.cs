using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Surfaces;

/// <summary>Input: surface messages to values and commands; touch messages; peers appearing.</summary>
public sealed partial class SurfaceActor
{
    private void OnInput(HubMessage message)
    {
        string peer = message.Source.Peer ?? "the endpoint";
        if (!string.Equals(message.Source.Endpoint, _settings.Endpoint, StringComparison.Ordinal))
        {
            Drop(message, peer, [], "wrong-endpoint", $"came from endpoint '{message.Source.Endpoint}'", $"The router should only hand surface {_settings.Name} messages from endpoint '{_settings.Endpoint}'.");
            return;
        }

        _inputs++;
        if (message.Source.Peer is { } known)
        {
            HeardFrom(known);
        }

        IReadOnlyList<OscArgument> args;
        try
        {
            args = PayloadConvert.ToOscArguments(message.Payload);
        }
        catch (ArgumentException ex)
        {
            Drop(message, peer, [], "unreadable-payload", ex.Message, "Send OSC to a surface endpoint.");
            return;
        }

        if (_byAddress.TryGetValue(message.Address, out ControlInstance? instance))
        {
            OnControl(instance, message, args, message.Source.Peer);
            return;
        }

        if (_byTouchAddress.TryGetValue(message.Address, out instance))
        {
            OnTouch(instance, message, args, peer);
            return;
        }

        foreach (ControlSettings control in _wildcards)
        {
            if (control.Pattern.IsMatch(message.Address))
            {
                if (control.IsEnumerable)
                {
                    Drop(message, peer, args, "unknown-id", $"matches \"{control.Address}\" but is none of its ids", $"Add its id to that control's ids (or raise count).");
                }
                else
                {
                    OnControl(new ControlInstance(-1, control, message.Address, []), message, args, message.Source.Peer);
                }

                return;
            }

            if (message.Address.EndsWith("/z", StringComparison.Ordinal) && control.Pattern.IsMatch(message.Address.AsSpan(0, message.Address.Length - 2)))
            {
                // Touch on a command button: nothing is held for it.
                return;
            }
        }

        Count("unknown-address");
        if (_debugLog.TryAcquire(out long suppressed))
        {
            SurfacesLog.UnknownAddress(Log, _settings.Name, message.Address, peer, Suppressed(suppressed));
        }
    }

    private void HeardFrom(string peer)
    {
        long now = Now;
        bool appeared = !_peers.TryGetValue(peer, out long last) || _time.GetElapsedTime(last, now) >= _settings.PeerTimeout;
        _peers[peer] = now;
        if (_peers.Count > MaxPeers)
        {
            _peers.Remove(_peers.MinBy(p => p.Value).Key);
        }

        if (!appeared || _settings.Feedback == FeedbackMode.Off)
        {
            return;
        }

        SurfacesLog.PeerAppeared(Log, _settings.Name, peer, _settings.Endpoint);
        if (_targets.Count > 0)
        {
            _pendingSnapshots.Enqueue((true, peer, _sets));
            _router.Tell(new GetValues(_targets), Self);
        }
    }

    private void OnTouch(ControlInstance instance, HubMessage message, IReadOnlyList<OscArgument> args, string peer)
    {
        if (args.Count != 1 || !SurfaceValues.TryNumber(args[0], out double z))
        {
            Drop(message, peer, args, args.Count != 1 ? "wrong-argument-count" : "wrong-argument-type", "a touch message carries one number", "TouchOSC sends <address>/z 1 on touch and 0 on release.");
            return;
        }

        instance.UsesTouchMessages = true;
        instance.TouchedByMessage = z > 0.5;
        if (!instance.TouchedByMessage)
        {
            Released(instance);
        }
    }

    private void OnControl(ControlInstance instance, HubMessage message, IReadOnlyList<OscArgument> args, string? peer)
    {
        ControlSettings control = instance.Control;
        string from = peer ?? "the endpoint";
        if (control.Type == ControlType.Label)
        {
            Drop(message, from, args, "output-only", $"{message.Address} is a label", "Labels only show values; map the control that sends this to a fader or button.");
            return;
        }

        int expected = control.Type == ControlType.Xy ? 2 : 1;
        if (args.Count != expected)
        {
            Drop(message, from, args, "wrong-argument-count", $"a {Describe(control.Type)} sends {expected} number(s), this has {args.Count}", "Check the control's type in the surface layout and in nethub.surfaces.");
            return;
        }

        Span<double> values = stackalloc double[2];
        for (int i = 0; i < expected; i++)
        {
            if (!SurfaceValues.TryNumber(args[i], out values[i]))
            {
                Drop(message, from, args, "wrong-argument-type", $"argument {i + 1} is {args[i].Type}, not a number", "Surface controls send numbers (float, int or true/false).");
                return;
            }
        }

        instance.LastInputAt = Now;
        ValueRange range = instance.Range;
        switch (control.Type)
        {
            case ControlType.Encoder:
                double steps = control.Options.EncoderMode == EncoderMode.Centered ? (values[0] - 0.5) * 2 : values[0];
                double current = instance.Values[0] ?? range.Low;
                SetAxis(instance, 0, range.Clamp(current + (steps * control.Options.Step)), Lane.LatestValue, peer);
                break;
            case ControlType.Xy:
                SetAxis(instance, 0, range.Clamp(values[0]), Lane.LatestValue, peer);
                SetAxis(instance, 1, range.Clamp(values[1]), Lane.LatestValue, peer);
                break;
            case ControlType.Push:
                OnPush(instance, range.Clamp(values[0]), peer);
                break;
            case ControlType.Toggle:
                SetAxis(instance, 0, range.Clamp(values[0]), Lane.Reliable, peer);
                if (control.IsCommand && range.ToFraction(values[0]) > 0.5)
                {
                    Fire(instance);
                }

                break;
            default:
                SetAxis(instance, 0, range.Clamp(values[0]), Lane.LatestValue, peer);
                break;
        }
    }

    private void OnPush(ControlInstance instance, double value, string? peer)
    {
        ControlSettings control = instance.Control;
        bool pressed = instance.Range.ToFraction(value) > 0.5;
        switch (control.Action)
        {
            case ControlAction.Pulse:
                instance.LastInput[0] = value;
                if (pressed)
                {
                    Timers.StartSingleTimer(("pulse", instance.Index), new PulseEnded(instance.Index), control.Options.PulseTime);
                    SetAxis(instance, 0, control.Options.On, Lane.Reliable, except: null);
                }

                break;
            case ControlAction.Toggle:
                instance.LastInput[0] = value;
                if (pressed)
                {
                    instance.ToggleState = !instance.ToggleState;
                    SetAxis(instance, 0, instance.ToggleState ? control.Options.On : control.Options.Off, Lane.Reliable, except: null);
                }
                else
                {
                    // The surface drew the button released; show the stored state again.
                    SendFeedback(instance, force: true);
                }

                break;
            default:
                SetAxis(instance, 0, value, Lane.Reliable, peer);
                if (pressed && control.IsCommand)
                {
                    Fire(instance);
                }

                break;
        }
    }

    /// <summary>Sets the value of one axis from input: every target of the axis, mapped; other controls on the same targets and other peers are shown it.</summary>
    private void SetAxis(ControlInstance instance, int axis, double value, Lane lane, string? except)
    {
        instance.Values[axis] = value;
        if (instance.Control.Action is not (ControlAction.Pulse or ControlAction.Toggle))
        {
            instance.LastInput[axis] = value;
        }

        ValueTarget[] targets = instance.Targets[axis];
        if (targets.Length == 0)
        {
            return;
        }

        IReadOnlyList<TargetMapping> mappings = instance.Control.Axes[axis];
        for (int i = 0; i < targets.Length; i++)
        {
            double mapped = mappings[i].Range.MapFrom(instance.Range, value);
            IReadOnlyList<OscArgument> payload = [OscArgument.Float32((float)mapped)];
            _router.Tell(new SetValue(targets[i], payload, _origin, lane), Self);
            _setAt[targets[i]] = ++_sets;
            ApplyTargetValue(targets[i], payload, except: instance, sendFeedback: true);
        }

        if (except is not null || instance.Control.Action is ControlAction.Pulse or ControlAction.Toggle)
        {
            SendFeedback(instance, exceptPeer: except, force: true);
        }
    }

    private void Fire(ControlInstance instance)
    {
        ControlSettings control = instance.Control;
        string list = control.List is null ? string.Empty : $" on list {control.List}";
        (ShowCommand command, string description) = control.Action switch
        {
            ControlAction.Scene => ((ShowCommand)new SceneRecall(control.Scene!, null, _origin), $"scene {control.Scene}"),
            ControlAction.Go => (new CueGo(control.List, _origin), $"GO{list}"),
            ControlAction.Back => (new CueBack(control.List, _origin), $"BACK{list}"),
            ControlAction.Goto => (new CueGoto(control.Cue!, control.List, _origin), $"GOTO cue {control.Cue}{list}"),
            _ => (new Panic(_origin), "PANIC"),
        };
        _commandsFired++;
        if (_pendingCommands.Count >= MaxPendingCommands)
        {
            _pendingCommands.Dequeue();
        }

        _pendingCommands.Enqueue($"{description} from {instance.Address}");
        _cues.Tell(command, Self);
    }

    private void OnPulseEnded(PulseEnded pulse)
    {
        ControlInstance instance = _instances[pulse.Index];
        SetAxis(instance, 0, instance.Control.Options.Off, Lane.Reliable, except: null);
    }

    private void Drop(HubMessage message, string peer, IReadOnlyList<OscArgument> args, string reason, string detail, string fix)
    {
        Count(reason);
        if (_problemLog.TryAcquire(out long suppressed))
        {
            string arguments = string.Join(' ', args.Select(PayloadConvert.FormatPlain));
            SurfacesLog.BadInput(Log, _settings.Name, message.Address, arguments, peer, $"{reason}: {detail}", fix, Suppressed(suppressed));
        }
    }

    private static string Describe(ControlType type) => type switch
    {
        ControlType.MultiFader => "multi-fader",
        ControlType.Xy => "xy pad",
        _ => type.ToString().ToLowerInvariant(),
    };
}
