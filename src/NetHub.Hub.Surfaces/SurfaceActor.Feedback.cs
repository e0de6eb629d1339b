using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Surfaces;

/// <summary>Feedback: target values back onto controls, touch ownership, and who is sent what.</summary>
public sealed partial class SurfaceActor
{
    /// <summary>Where the surface's feedback comes from: this node, the surface.</summary>
    private MessageSource FeedbackSource => _feedbackSource ??= new MessageSource(_node, _origin, null);

    private void OnValueChanged(ValueChanged changed)
    {
        // The router tells every subscriber; a change this surface made is already shown where it was made.
        if (string.Equals(changed.Origin, _origin, StringComparison.Ordinal))
        {
            return;
        }

        ApplyTargetValue(changed.Target, changed.Value, except: null, sendFeedback: true);
    }

    /// <summary>Moves every control mapped to <paramref name="target"/> (but <paramref name="except"/>) to its value, mapped back.</summary>
    private void ApplyTargetValue(ValueTarget target, IReadOnlyList<OscArgument> value, ControlInstance? except, bool sendFeedback)
    {
        if (!_byTarget.TryGetValue(target, out List<(ControlInstance Instance, int Axis, TargetMapping Mapping)>? mapped))
        {
            return;
        }

        foreach ((ControlInstance instance, int axis, TargetMapping mapping) in mapped)
        {
            if (ReferenceEquals(instance, except))
            {
                continue;
            }

            if (instance.Control.Type == ControlType.Label)
            {
                instance.ShowOnLabel(value);
            }
            else if (value.Count > 0 && SurfaceValues.TryNumber(value[0], out double number))
            {
                double controlValue = instance.Range.MapFrom(mapping.Range, number);
                instance.Values[axis] = controlValue;
                if (instance.Control.Action == ControlAction.Toggle)
                {
                    ControlDefaults options = instance.Control.Options;
                    instance.ToggleState = Math.Abs(controlValue - options.On) < Math.Abs(controlValue - options.Off);
                }
            }
            else
            {
                Count("non-numeric-value");
                if (_debugLog.TryAcquire(out long suppressed))
                {
                    SurfacesLog.NotANumber(Log, _settings.Name, target.ToString(), string.Join(' ', value.Select(PayloadConvert.FormatPlain)), instance.Address, Suppressed(suppressed));
                }

                continue;
            }

            if (sendFeedback)
            {
                SendFeedback(instance);
            }
        }
    }

    /// <summary>
    /// Shows <paramref name="instance"/>'s current value on the surface: to <paramref name="onlyPeer"/>, or to every
    /// live peer but <paramref name="exceptPeer"/> (or the endpoint's remote). While the control is touched the value
    /// is held instead, unless <paramref name="force"/>.
    /// </summary>
    private void SendFeedback(ControlInstance instance, string? onlyPeer = null, string? exceptPeer = null, bool force = false)
    {
        if (_settings.Feedback == FeedbackMode.Off || instance.FeedbackArguments() is not { } args)
        {
            return;
        }

        if (!force && IsTouched(instance))
        {
            instance.Held = true;
            if (!instance.UsesTouchMessages && instance.LastInputAt is { } last)
            {
                Timers.StartSingleTimer(("touch", instance.Index), new TouchExpired(instance.Index), _settings.TouchTimeout - _time.GetElapsedTime(last, Now));
            }

            return;
        }

        instance.Held = false;
        var message = HubMessage.Create(_time.GetUtcNow(), FeedbackSource, instance.FeedbackAddress, new OscPayload(args));
        if (_settings.Feedback == FeedbackMode.Remote)
        {
            if (exceptPeer is null)
            {
                Send(message, null);
            }

            return;
        }

        if (onlyPeer is not null)
        {
            Send(message, onlyPeer);
            return;
        }

        foreach (string peer in LivePeers())
        {
            if (!string.Equals(peer, exceptPeer, StringComparison.Ordinal))
            {
                Send(message, peer);
            }
        }
    }

    private void Send(HubMessage message, string? to)
    {
        _feedbackSent++;
        _router.Tell(new SendTo(_settings.Endpoint, message, Lane.LatestValue, to), Self);
    }

    private bool IsTouched(ControlInstance instance) =>
        instance.UsesTouchMessages
            ? instance.TouchedByMessage
            : instance.LastInputAt is { } last && _time.GetElapsedTime(last, Now) < _settings.TouchTimeout;

    /// <summary>The person let go: show what changed meanwhile, unless it is what they left.</summary>
    private void Released(ControlInstance instance)
    {
        if (!instance.Held)
        {
            return;
        }

        instance.Held = false;
        if (instance.DiffersFromInput())
        {
            SendFeedback(instance, force: true);
        }
    }

    private void OnTouchExpired(TouchExpired expired)
    {
        ControlInstance instance = _instances[expired.Index];
        if (!IsTouched(instance))
        {
            Released(instance);
        }
        else if (instance.Held && instance.LastInputAt is { } last)
        {
            Timers.StartSingleTimer(("touch", instance.Index), expired, _settings.TouchTimeout - _time.GetElapsedTime(last, Now));
        }
    }

    /// <summary>Peers heard within peer-timeout, oldest first; the others are forgotten (and logged once).</summary>
    private List<string> LivePeers()
    {
        long now = Now;
        var live = new List<string>(_peers.Count);
        List<string>? silent = null;
        foreach (KeyValuePair<string, long> peer in _peers)
        {
            if (_time.GetElapsedTime(peer.Value, now) < _settings.PeerTimeout)
            {
                live.Add(peer.Key);
            }
            else
            {
                (silent ??= []).Add(peer.Key);
            }
        }

        if (silent is not null)
        {
            foreach (string peer in silent)
            {
                _peers.Remove(peer);
                SurfacesLog.PeerForgotten(Log, _settings.Name, peer, _settings.PeerTimeout);
            }
        }

        return live;
    }
}
