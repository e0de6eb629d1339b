using NetHub.Hub.History;
using NetHub.Hub.Transforms;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.Transports;

namespace NetHub.Hub.Routing;

/// <summary>
/// The fast path: what the router does with an OSC message from one endpoint to one address, worked out once from
/// the first such message (a <see cref="FastPlan"/>) and then done for the rest without the general path's questions
/// (control prefix, text commands, surfaces, route sources, echo, rewrites, lanes, transform state). It is made for
/// the common case, a fader or a sensor stream: routes whose transforms are stateless numeric stages (or none), on the
/// reliable lane, to configured endpoints at addresses known in advance. It does what the general path does for such
/// a message (the same history records, log lines, counters, loop memory, current values, sends and failures);
/// anything else, or a message it cannot take as it is (more than eight arguments, a value a transform cannot
/// compute), takes the general path.
/// </summary>
public sealed partial class RouterActor
{
    /// <summary>Most endpoints one address keeps fast plans for; a message from another takes the general path.</summary>
    private const int MaxFastPlansPerAddress = 4;

    /// <summary>Fast plans may be used: the router is wired and has routes.</summary>
    private bool _fastWired;

    private void OnWiring(RouterWiring wiring)
    {
        _wiring = wiring;
        _fastWired = _routes.Length > 0;
        // What a plan knows of the surfaces came from the wiring before.
        foreach (AddressPlan plan in _plans.Values)
        {
            plan.Fast = [];
        }
    }

    /// <summary>
    /// Routes <paramref name="message"/> by its address's fast plan for its endpoint, when there is one and the message
    /// fits it; false when the general path must take it (nothing has been done then).
    /// </summary>
    private bool TryRouteFast(HubMessage message, OscPayload payload)
    {
        AddressPlan plan = Plan(message.Address);
        if (plan.FastFor(message.Source.Endpoint) is not { Routes: { } routes } fast
            || !OscArgument.TryGetSpan(payload.Arguments, out ReadOnlySpan<OscArgument> arguments) || arguments.Length >= MaxScratchArguments)
        {
            return false;
        }

        bool records = _wiring!.History is not null;
        if (records || fast.TellSurfaces || (_logsInbound ??= Log.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug)))
        {
            Announce(message, payload, records, fast.TellSurfaces);
        }

        // Only a message to an address the router sent to within the window can be one coming back (0: not computed).
        long now = RunStamp();
        ulong inbound = 0;
        ulong returnedTo = 0;
        if (_recent.MaySeeReturn(plan.AddressHash, now, _loopWindowTicks))
        {
            inbound = LoopMemory.Fingerprint(plan.AddressHash, arguments);
            returnedTo = _recent.ReturnedTo(inbound, now, _loopWindowTicks);
        }
        foreach (FastRoute route in routes)
        {
            ReadOnlySpan<OscArgument> output = arguments;
            bool changed = false;
            if (route.Numeric is { } chain && arguments.Length > 0)
            {
                OscArgument[] scratch = Scratch(arguments.Length)!;
                if (!chain.TryApplyNumeric(arguments, scratch, out changed))
                {
                    // The general path drops it and says why.
                    RunRoute(route.Index, message, route.Match, returnedTo);
                    continue;
                }

                if (changed)
                {
                    output = scratch;
                }
            }

            _routed++;
            _echoSuppressed += route.EchoSkipped;
            foreach (FastTarget target in route.Targets)
            {
                EndpointSlot slot = target.Slot;
                if ((returnedTo & slot.Bit) != 0)
                {
                    CutLoop(_routes[route.Index], message, slot.Name);
                    continue;
                }

                if (returnedTo != 0 && target.Value.Holds(output))
                {
                    CutRepeat(_routes[route.Index], message, target.Address, slot.Name);
                    continue;
                }

                SetCurrentValue(target.Value, output, route.Origin);
                if (slot.Pending is { Count: > 0 })
                {
                    Supersede(slot, target.Address);
                }

                if (slot.Down)
                {
                    FailDown(slot, target.Address);
                    continue;
                }

                // Unchanged and to the same address, what goes out is what came in: its fingerprint is the same.
                ulong fingerprint = !changed && target.SameAddress && inbound != 0 ? inbound : LoopMemory.Fingerprint(target.AddressHash, output);
                _recent.Note(target.AddressHash, fingerprint, slot.Bit);
                SendBatch batch = slot.Output ?? OpenOutput(slot);
                if (changed)
                {
                    batch.AddLent(message, target.Address, output, null);
                }
                else if (target.SameAddress)
                {
                    batch.Add(new SendMessage(message));
                }
                else
                {
                    batch.Add(new SendMessage(message, target.Address, payload));
                }

                _sent++;
                if (records)
                {
                    RecordOut(message, payload, target, changed ? output : default, changed);
                }
            }
        }

        return true;
    }

    // The rarer parts of a fast route, out of line so that the per-message path stays small (a smaller frame to set
    // up, fewer values spilled to the stack).

    /// <summary>What a message does before its routes: the history's inbound record, the debug log line, the surfaces.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void Announce(HubMessage message, OscPayload payload, bool records, bool tellSurfaces)
    {
        if (records)
        {
            _traffic.Add(new Traffic(message, TrafficDirection.In, message.Source.Endpoint, message.Source.Peer));
        }

        if (_logsInbound ??= Log.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            HubLog.Inbound(Log, message.Source.Endpoint, message.Source.Peer ?? "-", message.Address, PayloadConvert.ToText(payload));
        }

        if (tellSurfaces)
        {
            _wiring!.Surfaces!.Tell(message, Self);
        }
    }

    /// <summary>The reliable lane supersedes a value of the same address still waiting on the latest-value lane.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Supersede(EndpointSlot slot, string address) => slot.Pending!.Remove((address, null));

    /// <summary>The history keeps what went out: a message of its own, with its own copy of computed arguments.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RecordOut(HubMessage message, OscPayload payload, FastTarget target, ReadOnlySpan<OscArgument> computed, bool changed)
    {
        HubMessage sent = changed ? message.With(target.Address, new OscPayload(computed.ToArray()))
            : target.SameAddress ? message : message.With(target.Address, payload);
        _traffic.Add(new Traffic(sent, TrafficDirection.Out, target.Slot.Name, null));
    }

    /// <summary>
    /// Works out, once, whether messages to <paramref name="plan"/>'s address from <paramref name="endpoint"/> can take
    /// the fast path and how; called by the general path for an OSC message that got as far as the routes.
    /// </summary>
    private void LearnFast(AddressPlan plan, string address, string endpoint)
    {
        if (!_fastWired || plan.Fast.Length >= MaxFastPlansPerAddress || plan.FastFor(endpoint) is not null)
        {
            return;
        }

        var fast = new FastPlan(endpoint, _wiring?.Surfaces is not null && _wiring.SurfaceEndpoints.Contains(endpoint));
        plan.Fast = [.. plan.Fast, fast];
        var routes = new List<FastRoute>(plan.Routes.Length);
        for (int k = 0; k < plan.Routes.Length; k++)
        {
            int index = plan.Routes[k];
            if (_from[index] is { } from && !Listed(from, endpoint))
            {
                continue;
            }

            RouteSettings route = _routes[index];
            if (route.Lane != Lane.Reliable || (route.Transforms.Count > 0 && !route.Transforms.IsNumeric))
            {
                return;
            }

            RouteMatch match = plan.Matches[k] ??= NewMatch(index, address);
            var targets = new List<FastTarget>(route.To.Count);
            int echoSkipped = 0;
            for (int t = 0; t < route.To.Count; t++)
            {
                if (!route.Echo && string.Equals(route.To[t].Endpoint, endpoint, StringComparison.Ordinal))
                {
                    echoSkipped++;
                    continue;
                }

                // A capture the rewrite lacks, an endpoint not configured: the general path reports them.
                if (match.TargetAddresses[t] is not { } target || _targets[index][t] is not { } slot || match.TargetValues[t] is not { } value)
                {
                    return;
                }

                targets.Add(new FastTarget(slot, value, target, match.TargetAddressHashes[t], string.Equals(target, address, StringComparison.Ordinal)));
            }

            routes.Add(new FastRoute(index, match, route.Transforms.Count > 0 ? route.Transforms : null, [.. targets], echoSkipped, route.Origin));
        }

        fast.Routes = [.. routes];
    }

    private SendBatch OpenOutput(EndpointSlot slot)
    {
        SendBatch batch = slot.Output = _batches.Rent();
        _withOutput.Add(slot);
        return batch;
    }

    /// <summary>What the router does with messages to one address from one endpoint; <see cref="Routes"/> null when they take the general path.</summary>
    private sealed class FastPlan(string endpoint, bool tellSurfaces)
    {
        public string Endpoint { get; } = endpoint;

        /// <summary>The message also goes to the surfaces on its endpoint.</summary>
        public bool TellSurfaces { get; } = tellSurfaces;

        public FastRoute[]? Routes { get; set; }
    }

    /// <summary>One route of a fast plan: its stateless numeric chain (null for none) and the targets it sends to.</summary>
    private sealed class FastRoute(int index, RouteMatch match, TransformChain? numeric, FastTarget[] targets, int echoSkipped, string origin)
    {
        public int Index { get; } = index;

        public RouteMatch Match { get; } = match;

        public TransformChain? Numeric { get; } = numeric;

        public FastTarget[] Targets { get; } = targets;

        /// <summary>Targets left out because they are the endpoint the messages come from (the route has no echo).</summary>
        public int EchoSkipped { get; } = echoSkipped;

        public string Origin { get; } = origin;
    }

    /// <summary>One target of a fast route: its endpoint, current value, rendered address and that address's hash.</summary>
    private sealed class FastTarget(EndpointSlot slot, ValueCell value, string address, ulong addressHash, bool sameAddress)
    {
        public EndpointSlot Slot { get; } = slot;

        public ValueCell Value { get; } = value;

        public string Address { get; } = address;

        public ulong AddressHash { get; } = addressHash;

        /// <summary>The target address is the incoming one.</summary>
        public bool SameAddress { get; } = sameAddress;
    }
}
