using NetHub.Actors;
using NetHub.Hub.History;
using NetHub.Hub.Transforms;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.Transports;

namespace NetHub.Hub.Routing;

/// <summary>
/// /user/hub/router: every message an endpoint takes in comes here. The router records it (history), answers hub
/// commands under the OSC control prefix, hands it to the surfaces on its endpoint, and runs the routes: match the
/// address, run the transforms, rewrite the address, and send it out of each target endpoint on the route's lane.
/// It also holds the current value of every target the hub has sent to (<see cref="SetValue"/>,
/// <see cref="SubscribeValues"/>, <see cref="GetValues"/>), so surfaces get feedback and scenes fade from where things
/// are. A message never goes back out of the endpoint it came in on unless its route says <c>echo = on</c>, and a
/// message that comes back from outside and would be sent again where it already went is a loop, cut and logged.
/// </summary>
public sealed partial class RouterActor : Actor
{
    /// <summary>Addresses whose routing is remembered (and so transform states kept) before the memory starts afresh.</summary>
    private const int MaxAddressPlans = 10_000;

    private readonly string _node;
    // Where what the router makes itself (values set, command replies) comes from.
    private readonly MessageSource _hubSource;
    private readonly RouterSettings _settings;
    private readonly IReadOnlyList<string> _endpointNames;
    private readonly RouteSettings[] _routes;
    // A route's from-endpoints: a short list, scanned faster than a set is hashed.
    private readonly string[]?[] _from;
    private readonly bool[] _needsCaptures;
    private readonly OscDispatchTable<int> _table = new();
    private readonly List<int> _matches = [];
    private readonly EndpointSlot?[][] _targets;
    // Per address, what routing it takes: one look-up per message once an address is known (the pattern table only
    // sees new addresses). The default string comparer hashes faster than a tuple's.
    private readonly Dictionary<string, AddressPlan> _plans = [];
    private string? _lastPlanAddress;
    private AddressPlan? _lastPlan;
    private readonly Dictionary<(int Route, string Address), (HubMessage Message, DateTimeOffset Due)> _deferred = [];
    private readonly Dictionary<string, long> _failures = new(StringComparer.Ordinal);
    private readonly LogLimiter _problemLog;
    private RouterWiring? _wiring;
    private long _inbound;
    private long _routed;
    private long _sent;
    private long _coalesced;
    private long _echoSuppressed;
    private long _loopsCut;
    private long _transformDrops;
    private long _commands;

    /// <summary>
    /// The time-provider timestamp of this run of messages, read on first use and forgotten when the run ends: the loop
    /// memory's clock. A run lasts at most one throughput quantum of messages (well under a millisecond), far finer
    /// than the loop window, and the clock costs about as much as routing a message does.
    /// </summary>
    private long _runStamp;

    /// <summary>
    /// Whether inbound messages are logged at Debug: asked once per run of messages and forgotten when it ends, like
    /// <see cref="_runStamp"/> (a node's logger asks each of its providers every time).
    /// </summary>
    private bool? _logsInbound;

    /// <summary>The loop window in time-provider ticks.</summary>
    private readonly long _loopWindowTicks;

    /// <summary>Numeric transforms write up to this many arguments less one into the router's scratch arrays (<see cref="Scratch"/>).</summary>
    private const int MaxScratchArguments = 9;

    private readonly OscArgument[]?[] _scratch = new OscArgument[]?[MaxScratchArguments];

    public RouterActor(string node, RouterSettings settings, IReadOnlyList<string> endpointNames)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(endpointNames);
        _node = node;
        _hubSource = new MessageSource(node, "hub", null);
        _settings = settings;
        _endpointNames = endpointNames;
        _routes = [.. settings.Routes];
        // Interned, as MessageSource keeps its endpoint: a message from a listed endpoint matches by reference.
        _from = [.. _routes.Select(r => r.From.Count == 0 ? null : r.From.Distinct(StringComparer.Ordinal).Select(string.Intern).ToArray())];
        _needsCaptures = [.. _routes.Select(r => r.To.Any(t => t.Address is { IsFixed: false }) || r.Transforms.UsesCaptures)];
        for (int i = 0; i < _routes.Length; i++)
        {
            _table.Add(_routes[i].Address.Pattern.Pattern, i);
        }

        _problemLog = new LogLimiter(20, TimeSpan.FromMinutes(1), Context.System.Time);
        for (int i = 0; i < endpointNames.Count; i++)
        {
            _endpoints.TryAdd(endpointNames[i], new EndpointSlot(endpointNames[i], 1UL << (i % 64)));
        }

        _targets = [.. _routes.Select(r => r.To.Select(t => _endpoints.GetValueOrDefault(t.Endpoint)).ToArray())];
        _recent = new LoopMemory(settings.LoopMemory);
        _loopWindowTicks = (long)(settings.LoopWindow.TotalSeconds * Context.System.Time.TimestampFrequency);
        _controlEndpoints = settings.OscControl.Endpoints.Count == 0 ? null : new HashSet<string>(settings.OscControl.Endpoints, StringComparer.Ordinal);
        _jsonEndpoints = new HashSet<string>(settings.Commands.Json, StringComparer.Ordinal);
        _cmdEndpoints = new HashSet<string>(settings.Commands.Cmd, StringComparer.Ordinal);

        Receive<RouterWiring>(OnWiring);
        Receive<HubMessage>(OnInbound);
        Receive<SendTo>(OnSendTo);
        Receive<SetValue>(OnSetValue);
        Receive<SubscribeValues>(OnSubscribe);
        Receive<GetValues>(OnGetValues);
        Receive<FlushLane>(OnFlushLane);
        Receive<FlushDeferred>(OnFlushDeferred);
        Receive<DropHeldValues>(OnDropHeldValues);
        Receive<ControlReply>(OnControlReply);
        Receive<Terminated>(OnTerminated);
        Receive<GetRouterCounters>(_ => Sender.Tell(Counters()));
    }

    private DateTimeOffset Now => Context.System.Time.GetUtcNow();

    private long RunStamp() => _runStamp != 0 ? _runStamp : _runStamp = Context.System.Time.GetTimestamp();

    private void OnInbound(HubMessage message)
    {
        _inbound++;
        try
        {
            if (_fastWired && message.Payload is OscPayload osc && TryRouteFast(message, osc))
            {
                return;
            }

            RouteGeneral(message);
        }
        catch
        {
            // A failed run does not end with RunCompleted: its time must not outlive it.
            _runStamp = 0;
            _logsInbound = null;
            throw;
        }
    }

    /// <summary>The general path: every question asked of every message (the fast path learns its plans here).</summary>
    private void RouteGeneral(HubMessage message)
    {
        string endpoint = message.Source.Endpoint;
        if (_wiring?.History is not null)
        {
            _traffic.Add(new Traffic(message, TrafficDirection.In, endpoint, message.Source.Peer));
        }
        if (_logsInbound ??= Log.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            HubLog.Inbound(Log, endpoint, message.Source.Peer ?? "-", message.Address, PayloadConvert.ToText(message.Payload));
        }

        if (IsControl(message))
        {
            HandleControl(message);
            return;
        }

        if (TextCommandOf(message) is { } protocol)
        {
            HandleTextCommand(message, protocol);
            return;
        }

        if (_wiring?.Surfaces is { } surfaces && _wiring.SurfaceEndpoints.Contains(endpoint))
        {
            surfaces.Tell(message, Self);
        }

        if (_routes.Length == 0)
        {
            return;
        }

        AddressPlan plan = Plan(message.Address);
        if (plan.Routes.Length == 0)
        {
            return;
        }

        if (_fastWired && message.Payload is OscPayload)
        {
            LearnFast(plan, message.Address, endpoint);
        }

        long now = RunStamp();
        ulong returnedTo = _recent.MaySeeReturn(plan.AddressHash, now, _loopWindowTicks)
            ? _recent.ReturnedTo(LoopMemory.Fingerprint(plan.AddressHash, message.Payload), now, _loopWindowTicks)
            : 0;
        int[] routes = plan.Routes;
        for (int k = 0; k < routes.Length; k++)
        {
            int route = routes[k];
            if (_from[route] is { } from && !Listed(from, endpoint))
            {
                continue;
            }

            RunRoute(route, message, plan.Matches[k] ??= NewMatch(route, message.Address), returnedTo);
        }
    }

    private static bool Listed(string[] names, string name)
    {
        foreach (string listed in names)
        {
            if (string.Equals(listed, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void RunRoute(int index, HubMessage message, RouteMatch match, ulong returnedTo)
    {
        RouteSettings route = _routes[index];
        HubPayload? payload = message.Payload;
        OscArgument[]? scratch = null;
        if (route.Transforms.Count > 0)
        {
            IReadOnlyList<OscArgument> arguments;
            try
            {
                arguments = PayloadConvert.ToOscArguments(message.Payload);
            }
            catch (FormatException ex)
            {
                Fail("TransformInput", $"route '{route.Name}' cannot read {message.Address} from {message.Source}: {ex.Message}");
                return;
            }

            TransformState state = match.State ??= route.Transforms.CreateState();
            // Most chains (map, curves, scale) do not read the time: skip the clock for them.
            DateTimeOffset now = route.Transforms.UsesTime ? Now : default;
            scratch = Scratch(arguments.Count);
            TransformResult result = route.Transforms.Apply(state, new TransformInput(arguments, message.Address, match.Captures), now, scratch);
            if (!Continue(index, message.Address, match, message, state, result, scratch, out payload))
            {
                return;
            }
        }

        _routed++;
        SendToTargets(index, message, payload, scratch, match, returnedTo);
    }

    /// <summary>
    /// The router's own array of <paramref name="count"/> arguments for a numeric transform chain to write into (null for
    /// none or more than a few): one per count, reused by every message, so what is kept of it is copied before the next.
    /// </summary>
    private OscArgument[]? Scratch(int count) =>
        count is > 0 and < MaxScratchArguments ? _scratch[count] ??= new OscArgument[count] : null;


    /// <summary>
    /// The routes <paramref name="address"/> matches, in route order, with what each makes of it. Remembered per address
    /// (a show repeats the same addresses), so a fader stream allocates nothing here; addresses no route takes are
    /// remembered too, and the memory is bounded.
    /// </summary>
    private AddressPlan Plan(string address)
    {
        // Endpoints hand on one string per recurring address (AddressStrings), so a stream to one address, a fader being
        // moved, finds its plan by reference; other addresses take the table.
        if (ReferenceEquals(address, _lastPlanAddress))
        {
            return _lastPlan!;
        }

        AddressPlan plan = _plans.TryGetValue(address, out AddressPlan? known) ? known : NewPlan(address);
        _lastPlanAddress = address;
        _lastPlan = plan;
        return plan;
    }

    private AddressPlan NewPlan(string address)
    {
        if (_plans.Count >= MaxAddressPlans)
        {
            if (_routes.Any(r => r.Transforms.Count > 0))
            {
                Fail("TransformStates", $"routes have seen more than {MaxAddressPlans} addresses; transform state (smoothing, rate limits) starts afresh");
            }

            // Values held for later belong to the states forgotten here.
            foreach ((int, string) key in _deferred.Keys)
            {
                Timers.Cancel(("defer", key));
            }

            _deferred.Clear();
            _plans.Clear();
        }

        _matches.Clear();
        _table.Match(address, _matches);
        _matches.Sort();
        var plan = new AddressPlan([.. _matches], LoopMemory.AddressHash(address));
        _plans[address] = plan;
        return plan;
    }

    /// <summary>
    /// What route <paramref name="index"/> makes of <paramref name="address"/>: its captures, each target's address and
    /// current value, and the transforms' state (made on first use).
    /// </summary>
    private RouteMatch NewMatch(int index, string address)
    {
        RouteSettings route = _routes[index];
        Dictionary<string, string> captures = Empty;
        if (_needsCaptures[index])
        {
            captures = new Dictionary<string, string>(StringComparer.Ordinal);
            route.Address.TryMatch(address, captures);
        }

        string?[] targets = [.. route.To.Select(t => t.Address is null ? address : t.Address.Render(captures))];
        ValueCell?[] values = [.. route.To.Select((t, i) => targets[i] is { } rendered && _targets[index][i] is not null ? Value(new ValueTarget(t.Endpoint, rendered)) : null)];
        ulong[] hashes = [.. targets.Select(t => t is null ? 0UL : LoopMemory.AddressHash(t))];
        return new RouteMatch(captures, targets, values, hashes);
    }

    /// <summary>The routes one address matches (route indices, ascending) and, beside each, what that route makes of it.</summary>
    private sealed class AddressPlan(int[] routes, ulong addressHash)
    {
        public int[] Routes { get; } = routes;

        /// <summary>The address's part of a loop-memory fingerprint, hashed once.</summary>
        public ulong AddressHash { get; } = addressHash;

        public RouteMatch?[] Matches { get; } = new RouteMatch?[routes.Length];

        /// <summary>The fast plans learnt for the address, one per endpoint its messages came from (a few at most).</summary>
        public FastPlan[] Fast { get; set; } = [];

        public FastPlan? FastFor(string endpoint)
        {
            foreach (FastPlan fast in Fast)
            {
                if (string.Equals(fast.Endpoint, endpoint, StringComparison.Ordinal))
                {
                    return fast;
                }
            }

            return null;
        }

        public RouteMatch? MatchOf(int route)
        {
            int k = Array.IndexOf(Routes, route);
            return k < 0 ? null : Matches[k];
        }
    }

    private sealed record RouteMatch(Dictionary<string, string> Captures, string?[] TargetAddresses, ValueCell?[] TargetValues, ulong[] TargetAddressHashes)
    {
        /// <summary>The route's transform state for this address, made on first use.</summary>
        public TransformState? State { get; set; }

        /// <summary>A value waits in the router's deferred table (and its flush timer runs) for this route and address.</summary>
        public bool Deferred { get; set; }
    }

    private static readonly Dictionary<string, string> Empty = new(StringComparer.Ordinal);

    /// <summary>
    /// Acts on a transform result: true with the payload to send on Emit (null when the arguments are in <paramref name="scratch"/>). Whenever the chain holds something for later
    /// (a rate limit's value, a smoother still settling), one timer per route and address calls Flush at that time.
    /// </summary>
    private bool Continue(int index, string address, RouteMatch match, HubMessage message, TransformState state, TransformResult result, OscArgument[]? scratch, out HubPayload? output)
    {
        var key = (index, address);
        if (state.PendingDueAt is { } due)
        {
            if (!_deferred.TryGetValue(key, out (HubMessage, DateTimeOffset Due) pending) || pending.Due != due)
            {
                TimeSpan delay = due - Now;
                Timers.StartSingleTimer(("defer", key), new FlushDeferred(index, key.Item2), delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
            }

            _deferred[key] = (message, due);
            match.Deferred = true;
        }
        else if (match.Deferred)
        {
            // Only a match known to have something waiting pays for the table look-up.
            match.Deferred = false;
            if (_deferred.Remove(key))
            {
                Timers.Cancel(("defer", key));
            }
        }

        output = message.Payload;
        switch (result.Outcome)
        {
            case TransformOutcome.Emit:
                if (scratch is not null && ReferenceEquals(result.Arguments, scratch))
                {
                    // Sent from where it is (SendToTargets), without a payload of its own.
                    output = null;
                }
                else if (!ReferenceEquals(result.Arguments, (message.Payload as OscPayload)?.Arguments))
                {
                    output = new OscPayload(result.Arguments);
                }

                return true;
            case TransformOutcome.Defer:
                _coalesced++;
                return false;
            default:
                _transformDrops++;
                LogDrop(index, message, result);
                return false;
        }
    }

    /// <summary>
    /// An emergency stop: what routes hold for later (rate-limit holds, smoothers settling) and the latest-value lane's
    /// waiting values are dropped, their timers cancelled, and every route's transform state starts afresh.
    /// </summary>
    private void OnDropHeldValues(DropHeldValues drop)
    {
        int held = _deferred.Count;
        foreach ((int, string) key in _deferred.Keys)
        {
            Timers.Cancel(("defer", key));
        }

        _deferred.Clear();
        foreach (AddressPlan plan in _plans.Values)
        {
            foreach (RouteMatch? match in plan.Matches)
            {
                if (match is not null)
                {
                    match.State = null;
                    match.Deferred = false;
                }
            }
        }

        foreach (EndpointSlot slot in _endpoints.Values)
        {
            if (slot.Pending is { Count: > 0 } waiting)
            {
                held += waiting.Count;
                waiting.Clear();
            }
        }

        HubLog.HeldValuesDropped(Log, drop.Origin, held);
    }

    /// <summary>
    /// Says why a transform dropped <paramref name="message"/>: a repetition filter doing its job at Debug; anything else
    /// (a value the chain cannot take: NaN, too big for its type, text that is not a number, a missing capture) as a
    /// warning, at most 20 a minute with the router's other problems.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void LogDrop(int index, HubMessage message, in TransformResult result)
    {
        string reason = result.Reason ?? "dropped";
        if (result.IsRepeat)
        {
            if (_logsInbound ??= Log.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
            {
                HubLog.TransformDropped(Log, Microsoft.Extensions.Logging.LogLevel.Debug, _routes[index].Name, message.Address, message.Source.ToString(), reason, string.Empty);
            }

            return;
        }

        if (_problemLog.TryAcquire(out long suppressed))
        {
            HubLog.TransformDropped(Log, Microsoft.Extensions.Logging.LogLevel.Warning, _routes[index].Name, message.Address, message.Source.ToString(), reason, Suppressed(suppressed));
        }
    }

    private void OnFlushDeferred(FlushDeferred flush)
    {
        var key = (flush.Route, flush.Address);
        if (!_deferred.Remove(key, out (HubMessage Message, DateTimeOffset) pending) || !_plans.TryGetValue(flush.Address, out AddressPlan? plan)
            || plan.MatchOf(flush.Route) is not { } match || match.State is not { } state)
        {
            return;
        }

        match.Deferred = false;

        HubMessage message = pending.Message;
        RouteSettings route = _routes[flush.Route];
        TransformResult result = route.Transforms.Flush(state, Now);
        if (!Continue(flush.Route, flush.Address, match, message, state, result, null, out HubPayload? payload))
        {
            return;
        }

        _routed++;
        SendToTargets(flush.Route, message, payload, null, match, 0);
    }

    /// <summary>Sends <paramref name="message"/> on out of route <paramref name="index"/>'s targets with <paramref name="payload"/>, or, when that is null, the arguments in <paramref name="scratch"/>.</summary>
    private void SendToTargets(int index, HubMessage message, HubPayload? payload, OscArgument[]? scratch, RouteMatch match, ulong returnedTo)
    {
        RouteSettings route = _routes[index];
        for (int t = 0; t < route.To.Count; t++)
        {
            RouteTarget target = route.To[t];
            if (!route.Echo && string.Equals(target.Endpoint, message.Source.Endpoint, StringComparison.Ordinal))
            {
                _echoSuppressed++;
                continue;
            }

            string? address = match.TargetAddresses[t];
            if (address is null)
            {
                Fail("Rewrite", $"route '{route.Name}' cannot rewrite {message.Address} to {target}: a capture is missing");
                continue;
            }

            EndpointSlot? slot = _targets[index][t];
            if (slot is not null && (returnedTo & slot.Bit) != 0)
            {
                CutLoop(route, message, target.Endpoint);
                continue;
            }

            Outbound outgoing = payload is null ? new Outbound(message, address, scratch!) : new Outbound(message, address, payload);
            if (returnedTo != 0 && match.TargetValues[t] is { } held && outgoing.TryGetArguments(out ReadOnlySpan<OscArgument> arguments) && held.Holds(arguments))
            {
                CutRepeat(route, message, address, target.Endpoint);
                continue;
            }

            if (slot is not null && match.TargetValues[t] is { } value)
            {
                Deliver(slot, value, outgoing, route.Lane, null, route.Origin, match.TargetAddressHashes[t]);
            }
            else
            {
                Deliver(target.Endpoint, outgoing.ToMessage(), route.Lane, null, route.Origin);
            }
        }
    }

    /// <summary>A message that went out of <paramref name="endpoint"/> within the loop window came back and would go out again there: not sent, counted and logged.</summary>
    private void CutLoop(RouteSettings route, HubMessage message, string endpoint)
    {
        _loopsCut++;
        if (_problemLog.TryAcquire(out long suppressed))
        {
            HubLog.LoopCut(Log, route.Name, message.Address, message.Source.ToString(), endpoint, _settings.LoopWindow.TotalMilliseconds, Suppressed(suppressed));
        }
    }

    /// <summary>
    /// A message that came back from where the router sent it within the loop window would send <paramref name="endpoint"/>
    /// at <paramref name="targetAddress"/> the value it already holds: the devices at both ends echo, and through
    /// transforms each sees a different message, so <see cref="CutLoop"/> alone would not stop them. Not sent, counted
    /// with the loops and logged.
    /// </summary>
    private void CutRepeat(RouteSettings route, HubMessage message, string targetAddress, string endpoint)
    {
        _loopsCut++;
        if (_problemLog.TryAcquire(out long suppressed))
        {
            HubLog.RepeatCut(Log, route.Name, targetAddress, endpoint, message.Address, message.Source.ToString(), _settings.LoopWindow.TotalMilliseconds, Suppressed(suppressed));
        }
    }

    private void OnSendTo(SendTo send)
    {
        Deliver(send.Endpoint, send.Message, send.Lane, send.To, send.Message.Source.Endpoint);
    }

    private void Fail(string reason, string detail)
    {
        _failures[reason] = _failures.GetValueOrDefault(reason) + 1;
        if (_problemLog.TryAcquire(out long suppressed))
        {
            HubLog.RouterProblem(Log, detail, Suppressed(suppressed));
        }
    }

    private static string Suppressed(long count) => count == 0 ? string.Empty : $" ({count} similar suppressed)";

    private RouterCounters Counters() =>
        new(_inbound, _routed, _sent, _coalesced, _echoSuppressed, _loopsCut, _transformDrops, _commands, new Dictionary<string, long>(_failures, StringComparer.Ordinal));

    private sealed record FlushDeferred(int Route, string Address);
}
