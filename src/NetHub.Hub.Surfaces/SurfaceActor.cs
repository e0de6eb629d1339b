using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Surfaces;

/// <summary>
/// /user/hub/surfaces/&lt;name&gt;: one tablet or controller attached to one endpoint. The router hands it every
/// message that endpoint receives; it maps control input onto target values (<see cref="SetValue"/> to the router)
/// and show commands (to the cues actor), and sends each control the current value of what it drives whenever that
/// changes elsewhere, holding back feedback while a person touches the control so a fader never fights a finger.
/// Bad input is counted per reason and logged (limited), never thrown.
/// </summary>
public sealed partial class SurfaceActor : Actor
{
    private const int MaxPeers = 64;
    private const int MaxPendingCommands = 256;

    private readonly SurfaceSettings _settings;
    private readonly IActorRef _router;
    private readonly IActorRef _cues;
    private readonly TimeProvider _time;
    private readonly string _origin;
    private readonly string _node;
    private MessageSource? _feedbackSource;
    private readonly List<ControlInstance> _instances = [];
    private readonly Dictionary<string, ControlInstance> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ControlInstance> _byTouchAddress = new(StringComparer.Ordinal);
    private readonly List<ControlSettings> _wildcards = [];
    private readonly Dictionary<ValueTarget, List<(ControlInstance Instance, int Axis, TargetMapping Mapping)>> _byTarget = [];
    private readonly IReadOnlyList<ValueTarget> _targets;
    private readonly Dictionary<string, long> _peers = new(StringComparer.Ordinal);
    private readonly Queue<(bool Send, string? Peer, long Asked)> _pendingSnapshots = new();
    private readonly Dictionary<ValueTarget, long> _setAt = [];
    private long _sets;
    private readonly Queue<string> _pendingCommands = new();
    private readonly Dictionary<string, long> _dropped = new(StringComparer.Ordinal);
    private readonly LogLimiter _problemLog;
    private readonly LogLimiter _debugLog;
    private long _inputs;
    private long _feedbackSent;
    private long _commandsFired;

    public SurfaceActor(SurfaceSettings settings, IActorRef router, IActorRef cues)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(cues);
        _settings = settings;
        _router = router;
        _cues = cues;
        _time = Context.System.Time;
        _origin = settings.Origin;
        _node = Context.System.Name;
        _problemLog = new LogLimiter(settings.LogMax, settings.LogWindow, _time);
        _debugLog = new LogLimiter(settings.LogMax, settings.LogWindow, _time);
        BuildInstances();
        _targets = [.. _byTarget.Keys];

        Receive<Messages.HubMessage>(OnInput);
        Receive<ValueChanged>(OnValueChanged);
        Receive<ValuesSnapshot>(OnSnapshot);
        Receive<CommandResult>(OnCommandResult);
        Receive<PulseEnded>(OnPulseEnded);
        Receive<TouchExpired>(OnTouchExpired);
        Receive<GetSurfaceStatus>(_ => Sender.Tell(Status()));
    }

    protected override void PreStart()
    {
        SurfacesLog.Started(Log, _settings.Name, _settings.Endpoint, _instances.Count, _targets.Count, _settings.Feedback);
        if (_targets.Count == 0)
        {
            return;
        }

        _router.Tell(new SubscribeValues(Self, _targets), Self);
        _pendingSnapshots.Enqueue((false, null, _sets));
        _router.Tell(new GetValues(_targets), Self);
    }

    private void BuildInstances()
    {
        foreach (ControlSettings control in _settings.Controls)
        {
            if (!control.Pattern.IsLiteral)
            {
                _wildcards.Add(control);
            }

            foreach ((string address, IReadOnlyList<string> ids) in control.Instances())
            {
                if (_byAddress.ContainsKey(address))
                {
                    continue;
                }

                var instance = new ControlInstance(_instances.Count, control, address, ids);
                _instances.Add(instance);
                _byAddress[address] = instance;
                _byTouchAddress.TryAdd(instance.TouchAddress, instance);
                for (int axis = 0; axis < instance.Targets.Length; axis++)
                {
                    for (int i = 0; i < instance.Targets[axis].Length; i++)
                    {
                        ValueTarget target = instance.Targets[axis][i];
                        if (!_byTarget.TryGetValue(target, out List<(ControlInstance, int, TargetMapping)>? list))
                        {
                            list = [];
                            _byTarget[target] = list;
                        }

                        list.Add((instance, axis, control.Axes[axis][i]));
                    }
                }
            }
        }
    }

    private long Now => _time.GetTimestamp();

    private void Count(string reason) => _dropped[reason] = _dropped.GetValueOrDefault(reason) + 1;

    private static string Suppressed(long count) => count == 0 ? string.Empty : $" ({count} similar suppressed)";

    private SurfaceStatus Status() => new(
        _settings.Name,
        _settings.Endpoint,
        _settings.Feedback,
        [.. _instances.Select(i => new ControlStatus(i.Address, i.Control.Type, [.. i.Values], i.LabelText, IsTouched(i)))],
        LivePeers(),
        _inputs,
        _feedbackSent,
        _commandsFired,
        new Dictionary<string, long>(_dropped, StringComparer.Ordinal));

    private void OnCommandResult(CommandResult result)
    {
        string command = _pendingCommands.Count > 0 ? _pendingCommands.Dequeue() : "a command";
        if (result.Ok)
        {
            SurfacesLog.CommandDone(Log, _settings.Name, command, result.Message);
        }
        else
        {
            SurfacesLog.CommandFailed(Log, _settings.Name, command, result.Message);
        }
    }

    private void OnSnapshot(ValuesSnapshot snapshot)
    {
        (bool send, string? peer, long asked) = _pendingSnapshots.Count > 0 ? _pendingSnapshots.Dequeue() : (false, null, _sets);
        foreach (KeyValuePair<ValueTarget, IReadOnlyList<OscArgument>> entry in snapshot.Values)
        {
            // The router answered before it took what this surface set since asking (a peer's first message is often
            // a move): that value is newer than the answer's.
            if (_setAt.TryGetValue(entry.Key, out long set) && set > asked)
            {
                continue;
            }

            ApplyTargetValue(entry.Key, entry.Value, except: null, sendFeedback: false);
        }

        if (!send)
        {
            return;
        }

        foreach (ControlInstance instance in _instances)
        {
            SendFeedback(instance, onlyPeer: peer);
        }
    }

    private sealed record PulseEnded(int Index);

    private sealed record TouchExpired(int Index);
}
