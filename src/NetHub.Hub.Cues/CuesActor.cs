using System.Globalization;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.Transports;

namespace NetHub.Hub.Cues;

/// <summary>
/// /user/hub/cues: runs the show's cue lists (GO, BACK, GOTO, STOP with pre-waits, post-waits, auto-continue and
/// auto-follow), recalls and snapshots scenes with timed fades, and fires the emergency stop. It talks to the
/// router, with the contract messages (and asks the endpoints' states only to answer an emergency stop truthfully):
/// sends go out as <see cref="SendTo"/>, values as <see cref="SetValue"/>, and
/// it mirrors the current value of every scene target (<see cref="SubscribeValues"/>) so a fade starts from where
/// the value is without asking anyone. Every wait and fade step is a keyed timer on the system clock; every command
/// is answered with a <see cref="CommandResult"/> a technician can read aloud.
/// </summary>
public sealed partial class CuesActor : Actor
{
    /// <summary>Cues one message may fire (GO, follows and go actions together), so go actions that call each other cannot spin.</summary>
    internal const int MaxFiresPerStep = 256;

    private readonly CuesSettings _settings;
    private MessageSource? _source;
    private readonly IActorRef _router;
    private IActorRef? _endpoints;
    private readonly List<CueListState> _lists;
    private readonly List<SceneState> _scenes;
    private readonly Dictionary<long, CueRun> _runs = [];
    private readonly Dictionary<long, FadeRun> _fades = [];
    private readonly Dictionary<ValueTarget, long> _fadeOwner = [];
    private readonly Dictionary<ValueTarget, IReadOnlyList<OscArgument>> _mirror = [];
    private readonly TimeSpan _tickInterval;
    private long _nextId;
    private long _rejected;
    private long _snapshotSaveFailures;
    private int _firesThisStep;

    public CuesActor(CuesSettings settings, IActorRef router)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(router);
        _settings = settings;
        _router = router;
        _lists = [.. settings.CueLists.Select(l => new CueListState(l))];
        _scenes = [.. settings.Scenes.Select(s => new SceneState(s))];
        _tickInterval = TimeSpan.FromTicks(Math.Max(1, (long)Math.Round(TimeSpan.TicksPerSecond / settings.Cues.FadeRate)));

        Receive<CueGo>(Go);
        Receive<CueBack>(Back);
        Receive<CueGoto>(Goto);
        Receive<CueStop>(StopCommand);
        Receive<SceneRecall>(Recall);
        Receive<SceneSnapshot>(Snapshot);
        Receive<Panic>(OnPanic);
        Receive<PanicChecked>(OnPanicChecked);
        Receive<CuesWiring>(wiring => _endpoints = wiring.Endpoints);
        Receive<GetCueStatus>(_ => Sender.Tell(Report(), Self));
        Receive<ValueChanged>(m => _mirror[m.Target] = m.Value);
        Receive<ValuesSnapshot>(OnValuesSnapshot);
        Receive<PreWaitElapsed>(OnPreWaitElapsed);
        Receive<PostWaitElapsed>(OnPostWaitElapsed);
        Receive<FadeTick>(OnFadeTick);
    }

    private TimeProvider Clock => Context.System.Time;

    protected override void PreStart()
    {
        LoadSnapshots();
        ValueTarget[] targets = [.. _scenes.SelectMany(s => s.Values.Select(v => v.Target))
            .Concat(_settings.CueLists.SelectMany(l => l.Cues).SelectMany(c => c.Actions).OfType<SetAction>().Select(a => a.Target))
            .Distinct()];
        if (targets.Length > 0)
        {
            // Subscribe first: any change the router reports before the snapshot is at least as new as it.
            _router.Tell(new SubscribeValues(Self, targets), Self);
            _router.Tell(new GetValues(targets), Self);
        }

        string lists = _lists.Count == 0
            ? "no cue lists"
            : string.Join(", ", _lists.Select(l => $"{l.Name} ({l.Count} cues)"));
        string panic = _settings.Panic.Count == 0
            ? "nothing (no nethub.panic entries)"
            : string.Join(", ", _settings.Panic.GroupBy(p => p.Endpoint).Select(g => $"{g.Count()} message(s) to {g.Key}"));
        CuesLog.Started(Log, lists, _scenes.Count, panic);
    }

    private void OnValuesSnapshot(ValuesSnapshot snapshot)
    {
        // What is already mirrored came from a change reported after subscribing, so it is at least as new.
        foreach ((ValueTarget target, IReadOnlyList<OscArgument> value) in snapshot.Values)
        {
            _mirror.TryAdd(target, value);
        }
    }

    private void Go(CueGo command)
    {
        _firesThisStep = 0;
        if (!TryList(command.List, out CueListState? list, out string? problem))
        {
            Refuse(command, $"GO: {problem}");
            return;
        }

        if (list.StandbyCue is null)
        {
            Refuse(command, list.Count == 0
                ? $"GO {list.Name}: the list has no cues"
                : $"GO {list.Name}: nothing on standby (the list ended after cue {list.Cues[^1].Label}); GOTO a cue or press BACK");
            return;
        }

        int index = list.Standby;
        string fired = Fire(list, index, $"GO by {OriginText(command)}");
        Answer(command, $"GO {list.Name}: cue {list.Cues[index].Label} {fired}; {StandbyText(list)}");
    }

    private void Back(CueBack command)
    {
        if (!TryList(command.List, out CueListState? list, out string? problem))
        {
            Refuse(command, $"BACK: {problem}");
            return;
        }

        if (list.Count == 0 || list.Standby == 0)
        {
            Refuse(command, list.Count == 0
                ? $"BACK {list.Name}: the list has no cues"
                : $"BACK {list.Name}: already at the first cue; {StandbyText(list)}");
            return;
        }

        list.Standby--;
        Answer(command, $"BACK {list.Name}: {StandbyText(list)}");
    }

    private void Goto(CueGoto command)
    {
        _firesThisStep = 0;
        if (!TryList(command.List, out CueListState? list, out string? problem))
        {
            Refuse(command, $"GOTO: {problem}");
            return;
        }

        int index = list.IndexOf(command.Cue?.Trim() ?? string.Empty);
        if (index < 0)
        {
            Refuse(command, $"GOTO {list.Name}: no cue {command.Cue} in list {list.Name}: {CueNumbers(list)}");
            return;
        }

        string fired = Fire(list, index, $"GOTO by {OriginText(command)}");
        Answer(command, $"GOTO {list.Name}: cue {list.Cues[index].Label} {fired}; {StandbyText(list)}");
    }

    private void StopCommand(CueStop command)
    {
        CueListState? list = null;
        if (command.List is not null && !TryList(command.List, out list, out string? problem))
        {
            Refuse(command, $"STOP: {problem}");
            return;
        }

        string stopped = StopRuns(list);
        string standby = list is null
            ? string.Join(", ", _lists.Select(l => $"{l.Name} {StandbyText(l)}"))
            : StandbyText(list);
        Answer(command, $"STOP {list?.Name ?? "all lists"}: {stopped}; standby unchanged ({standby})");
    }

    private void Recall(SceneRecall command)
    {
        _firesThisStep = 0;
        SceneState? scene = FindScene(command.Scene);
        if (scene is null)
        {
            Refuse(command, $"no scene '{command.Scene}': {SceneNames()}");
            return;
        }

        TimeSpan fade = command.Fade ?? scene.Fade;
        if (fade < TimeSpan.Zero)
        {
            Refuse(command, $"scene {scene.Name}: a fade cannot be negative ({FormatTime(fade)})");
            return;
        }

        Answer(command, $"scene {scene.Name}: {StartScene(scene, fade, $"scene {scene.Name}", owner: null)}");
    }

    private void Snapshot(SceneSnapshot command)
    {
        SceneState? scene = FindScene(command.Scene);
        if (scene is null)
        {
            Refuse(command, $"no scene '{command.Scene}': {SceneNames()}");
            return;
        }

        var kept = new List<string>();
        var values = new List<SceneValue>(scene.Values.Count);
        foreach (SceneValue value in scene.Values)
        {
            if (_mirror.TryGetValue(value.Target, out IReadOnlyList<OscArgument>? current))
            {
                values.Add(value with { Value = current });
            }
            else
            {
                values.Add(value);
                kept.Add(value.Target.ToString());
            }
        }

        scene.Values = values;
        scene.Saved = Clock.GetUtcNow();
        string result = $"scene {scene.Name}: stored the current values of {values.Count - kept.Count} of {values.Count} target(s)";
        if (kept.Count > 0)
        {
            result += $"; kept the stored value of {string.Join(", ", kept)} (no current value known)";
        }

        Answer(command, result + SaveSnapshots());
    }

    private void OnPanic(Panic command)
    {
        int cues = _runs.Count;
        int fades = _fades.Count;
        Timers.CancelAll();
        foreach (CueRun run in _runs.Values)
        {
            MarkStopped(run);
        }

        foreach (SceneState scene in _scenes)
        {
            scene.CurrentFade = null;
        }

        _runs.Clear();
        _fades.Clear();
        _fadeOwner.Clear();

        // First, so that nothing the routes held from before (a rate limit, a smoother) goes out after the panic messages.
        string origin = OriginText(command);
        _router.Tell(new DropHeldValues(origin), Self);
        DateTimeOffset now = Clock.GetUtcNow();
        foreach (PanicMessage message in _settings.Panic)
        {
            _router.Tell(new SendTo(message.Endpoint, HubMessage.Create(now, Source, message.Address, new OscPayload(message.Arguments)), Lane.Reliable), Self);
        }

        string sent = _settings.Panic.Count == 0
            ? "nothing (no messages configured under nethub.panic)"
            : string.Join("; ", _settings.Panic.GroupBy(p => p.Endpoint)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => MessageText(p.Address, p.Arguments)))}"));
        CuesLog.Panic(Log, origin, cues, fades, sent);
        string answer = $"PANIC: stopped {cues} cue(s) and {fades} fade(s); sent {sent}";
        if (_endpoints is null || _settings.Panic.Count == 0)
        {
            Sender.Tell(CommandResult.Done(answer), Self);
            return;
        }

        // The messages are on their way; the answer waits for the endpoints' states (without holding up this actor),
        // so that it says plainly which endpoints were not there to take them.
        IActorRef replyTo = Sender;
        _endpoints.AskAsync<EndpointStatusReport>(GetAllEndpointStatus.Instance, PanicCheckTimeout).PipeTo(
            Self,
            report => new PanicChecked(replyTo, origin, answer, report, null),
            ex => new PanicChecked(replyTo, origin, answer, null, ex.Message));
    }

    /// <summary>How long an emergency stop's answer waits for the endpoints' states (each endpoint has 2 s to answer).</summary>
    private static readonly TimeSpan PanicCheckTimeout = TimeSpan.FromSeconds(3);

    private void OnPanicChecked(PanicChecked check)
    {
        if (check.Report is null)
        {
            CuesLog.PanicUnchecked(Log, check.Origin, check.Problem ?? "no answer");
            check.ReplyTo.Tell(CommandResult.Done($"{check.Answer}; could not check that every endpoint was running ({check.Problem})"), Self);
            return;
        }

        string[] notRunning = [.. _settings.Panic.Select(p => p.Endpoint).Distinct(StringComparer.Ordinal)
            .Select(name => check.Report.Endpoints.FirstOrDefault(e => e.Name == name))
            .OfType<EndpointStatus>()
            .Where(e => !e.Running)
            .Select(e => $"{e.Name} ({e.State})")];
        if (notRunning.Length == 0)
        {
            check.ReplyTo.Tell(CommandResult.Done(check.Answer), Self);
            return;
        }

        string endpoints = string.Join(", ", notRunning);
        CuesLog.PanicNotDelivered(Log, check.Origin, endpoints);
        check.ReplyTo.Tell(CommandResult.Failed($"{check.Answer}; NOT delivered to {endpoints}"), Self);
    }

    /// <summary>An emergency stop's answer, once the endpoints' states are known (or could not be).</summary>
    private sealed record PanicChecked(IActorRef ReplyTo, string Origin, string Answer, EndpointStatusReport? Report, string? Problem);

    private MessageSource Source => _source ??= new(_settings.NodeName ?? Context.System.Name, "cues", null);

    private void Answer(ShowCommand command, string message)
    {
        CuesLog.CommandDone(Log, OriginText(command), message);
        Sender.Tell(CommandResult.Done(message), Self);
    }

    private void Refuse(ShowCommand command, string message)
    {
        _rejected++;
        CuesLog.CommandRefused(Log, OriginText(command), message);
        Sender.Tell(CommandResult.Failed(message), Self);
    }

    private bool TryList(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CueListState? list, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        list = null;
        problem = null;
        if (_lists.Count == 0)
        {
            problem = "no cue lists are configured (add them under nethub.cue-lists)";
            return false;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            list = _lists[0];
            return true;
        }

        list = _lists.Find(l => string.Equals(l.Name, name.Trim(), StringComparison.Ordinal));
        if (list is null)
        {
            problem = $"no cue list '{name}': lists are {string.Join(", ", _lists.Select(l => l.Name))}";
            return false;
        }

        return true;
    }

    private SceneState? FindScene(string? name) =>
        _scenes.Find(s => string.Equals(s.Name, name?.Trim(), StringComparison.Ordinal));

    private string SceneNames() =>
        _scenes.Count == 0 ? "no scenes are configured (add them under nethub.scenes)" : $"scenes are {string.Join(", ", _scenes.Select(s => s.Name))}";

    private static string OriginText(ShowCommand command) =>
        string.IsNullOrWhiteSpace(command.Origin) ? "an unnamed sender" : command.Origin;

    private static string StandbyText(CueListState list) =>
        list.StandbyCue is { } cue ? $"standby {cue.Label}" : "standby: none (end of list)";

    private static string CueNumbers(CueListState list)
    {
        const int Shown = 20;
        if (list.Count == 0)
        {
            return "the list has no cues";
        }

        string numbers = string.Join(", ", list.Cues.Take(Shown).Select(c => c.Number));
        return list.Count <= Shown ? $"cues are {numbers}" : $"cues are {numbers} and {list.Count - Shown} more, up to {list.Cues[^1].Number}";
    }

    private static string MessageText(string address, IReadOnlyList<OscArgument> arguments) =>
        arguments.Count == 0 ? address : $"{address} {string.Join(' ', arguments.Select(PayloadConvert.FormatPlain))}";

    internal static string FormatTime(TimeSpan time) =>
        time.Duration() >= TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.###}s")
            : string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0.###}ms");

    private sealed record PreWaitElapsed(long RunId);

    private sealed record PostWaitElapsed(long RunId);

    private sealed record FadeTick(long FadeId);
}
