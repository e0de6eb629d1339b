using NetHub.Actors;
using NetHub.Hub.History;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.Transports;

namespace NetHub.Hub.Routing;

/// <summary>
/// Sending out of endpoints: lanes, the current values and their subscribers, loop memory. What the router sends
/// during a run of messages (and what it reports to the history) is buffered and passed on once per run in
/// <see cref="RunCompleted"/>: one <see cref="SendBatch"/> per endpoint instead of a wake-up per message. The batches
/// come from the router's pool and the endpoints release them once sent; a route's computed arguments are copied into
/// a payload the batch lends, and the current values keep their own copies, so a routed stream allocates nothing.
/// </summary>
public sealed partial class RouterActor
{
    private readonly Dictionary<string, EndpointSlot> _endpoints = new(StringComparer.Ordinal);
    private readonly List<EndpointSlot> _withOutput = [];
    private readonly SendBatchPool _batches = new();
    private readonly List<Traffic> _traffic = [];
    private readonly Dictionary<ValueTarget, ValueCell> _values = [];
    private readonly HashSet<IActorRef> _watched = [];
    private readonly LoopMemory _recent;

    /// <summary>
    /// Sends <paramref name="message"/> out of <paramref name="endpoint"/>. Reliable leaves with this run's output (and
    /// supersedes a value of the same address still waiting on the latest-value lane); latest-value waits in a
    /// per-endpoint table until the router has handled what is already in its mailbox, so a burst of fader moves
    /// leaves as one message per address. The message's arguments become the target's current value.
    /// </summary>
    private void Deliver(string endpoint, HubMessage message, Lane lane, string? to, string origin)
    {
        if (!_endpoints.TryGetValue(endpoint, out EndpointSlot? slot))
        {
            Fail("UnknownEndpoint", $"{origin} sent {message.Address} to endpoint '{endpoint}', which is not configured (endpoints: {string.Join(", ", _endpointNames)})");
            return;
        }

        Deliver(slot, Value(new ValueTarget(endpoint, message.Address)), new Outbound(message), lane, to, origin, LoopMemory.AddressHash(message.Address));
    }

    /// <summary>As above, to a known endpoint and value cell, with <paramref name="addressHash"/> the address's <see cref="LoopMemory.AddressHash"/>.</summary>
    private void Deliver(EndpointSlot slot, ValueCell value, in Outbound message, Lane lane, string? to, string origin, ulong addressHash)
    {
        UpdateValue(value, message, origin);
        if (lane == Lane.Reliable)
        {
            slot.Pending?.Remove((message.Address, to));
            Transmit(slot, message, to, addressHash);
            return;
        }

        Dictionary<(string, string?), HubMessage> table = slot.Pending ??= [];
        if (table.ContainsKey((message.Address, to)))
        {
            _coalesced++;
        }

        table[(message.Address, to)] = message.ToMessage();
        if (!slot.FlushQueued)
        {
            slot.FlushQueued = true;
            Self.Tell(new FlushLane(slot.Name));
        }
    }

    private void OnFlushLane(FlushLane flush)
    {
        if (!_endpoints.TryGetValue(flush.Endpoint, out EndpointSlot? slot))
        {
            return;
        }

        slot.FlushQueued = false;
        if (slot.Pending is not { Count: > 0 } table)
        {
            return;
        }

        foreach (KeyValuePair<(string Address, string? To), HubMessage> entry in table)
        {
            Transmit(slot, new Outbound(entry.Value), entry.Key.To, LoopMemory.AddressHash(entry.Key.Address));
        }

        table.Clear();
    }

    private void Transmit(string endpoint, HubMessage message, string? to)
    {
        if (_endpoints.TryGetValue(endpoint, out EndpointSlot? slot))
        {
            Transmit(slot, new Outbound(message), to, LoopMemory.AddressHash(message.Address));
        }
        else
        {
            Fail("UnknownEndpoint", $"cannot send {message.Address} to endpoint '{endpoint}', which is not configured (endpoints: {string.Join(", ", _endpointNames)})");
        }
    }

    private void Transmit(EndpointSlot slot, in Outbound message, string? to, ulong addressHash)
    {
        if (slot.Down)
        {
            FailDown(slot, message.Address);
            return;
        }

        _recent.Note(addressHash, message.Fingerprint(addressHash), slot.Bit);
        SendBatch batch = slot.Output ?? OpenOutput(slot);

        if (message.Scratch is { } scratch)
        {
            batch.AddLent(message.Original, message.Address, scratch, to);
        }
        else if (message.IsOriginal)
        {
            batch.Add(new SendMessage(message.Original, to));
        }
        else
        {
            batch.Add(new SendMessage(message.Original, message.Address, message.Payload!, to));
        }

        _sent++;
        if (_wiring?.History is not null)
        {
            _traffic.Add(new Traffic(message.ToMessage(), TrafficDirection.Out, slot.Name, to));
        }
    }

    private void FailDown(EndpointSlot slot, string address) =>
        Fail("EndpointDown", $"cannot send {address} to endpoint '{slot.Name}': it has stopped (see the log for why; restart the node to retry)");

    /// <summary>Passes on what this run produced: one send (or batch) per endpoint, then the history's records.</summary>
    protected override void RunCompleted()
    {
        PassOn();
        _runStamp = 0;
        _logsInbound = null;
    }

    protected override void PostStop() => PassOn();

    private void PassOn()
    {
        // The loop memory learns what this run sends before any of it leaves, so that an echo, which can only come after,
        // finds it. The sends of a run that failed wait for the next run's end, and are remembered as leaving then.
        if (_recent.NotedCount > 0)
        {
            _recent.Commit(RunStamp());
        }

        // Sends first: on a receive thread (InlineRuns) an endpoint runs right here, and the history, which waits for
        // a pool thread, should not delay it.
        foreach (EndpointSlot slot in _withOutput)
        {
            SendBatch send = slot.Output!;
            slot.Output = null;
            if (EndpointRef(slot) is { } target)
            {
                target.Tell(send, Self);
            }
            else
            {
                // Just after start the endpoint may not be resolvable yet; its parent hands it over in order.
                _wiring?.Endpoints.Tell(new ToEndpoint(slot.Name, send), Self);
            }
        }

        _withOutput.Clear();
        if (_traffic.Count > 0)
        {
            _wiring?.History?.Tell(_traffic.Count == 1 ? _traffic[0] : new TrafficBatch([.. _traffic]));
            _traffic.Clear();
        }
    }

    private IActorRef? EndpointRef(EndpointSlot slot)
    {
        if (slot.Ref is { } known)
        {
            return known;
        }

        if (_wiring is null || !Context.System.TryResolve($"{_wiring.Endpoints.Path.ToStringWithoutAddress()}/{slot.Name}", out IActorRef? found))
        {
            return null;
        }

        slot.Ref = found;
        Context.Watch(found);
        return found;
    }

    // ---- values ----

    private void OnSetValue(SetValue set)
    {
        var message = HubMessage.Create(Now, _hubSource, set.Target.Address, new OscPayload(set.Value));
        Deliver(set.Target.Endpoint, message, set.Lane, null, set.Origin);
    }

    private ValueCell Value(ValueTarget target)
    {
        if (!_values.TryGetValue(target, out ValueCell? cell))
        {
            cell = new ValueCell(target);
            _values[target] = cell;
        }

        return cell;
    }

    private void UpdateValue(ValueCell cell, in Outbound message, string origin)
    {
        if (message.TryGetArguments(out ReadOnlySpan<OscArgument> arguments))
        {
            SetCurrentValue(cell, arguments, origin);
        }
    }

    /// <summary>Makes <paramref name="arguments"/> (copied) the current value of <paramref name="cell"/> and tells its subscribers.</summary>
    private void SetCurrentValue(ValueCell cell, ReadOnlySpan<OscArgument> arguments, string origin)
    {
        cell.Set(arguments);
        if (cell.Subscribers is { Count: > 0 })
        {
            TellSubscribers(cell, arguments, origin);
        }
    }

    /// <summary>Out of line: most values have no subscriber, and the routing loops that set them stay small without this.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void TellSubscribers(ValueCell cell, ReadOnlySpan<OscArgument> arguments, string origin)
    {
        var changed = new ValueChanged(cell.Target, arguments.ToArray(), origin);
        foreach (IActorRef subscriber in cell.Subscribers!)
        {
            subscriber.Tell(changed, Self);
        }
    }

    private void OnSubscribe(SubscribeValues subscribe)
    {
        foreach (ValueTarget target in subscribe.Targets)
        {
            List<IActorRef> list = Value(target).Subscribers ??= [];
            if (!list.Contains(subscribe.Subscriber))
            {
                list.Add(subscribe.Subscriber);
            }
        }

        if (_watched.Add(subscribe.Subscriber))
        {
            Context.Watch(subscribe.Subscriber);
        }
    }

    private void OnGetValues(GetValues get)
    {
        IEnumerable<ValueCell> cells = get.Targets is null
            ? _values.Values
            : get.Targets.Distinct().Select(t => _values.GetValueOrDefault(t)).OfType<ValueCell>();
        Dictionary<ValueTarget, IReadOnlyList<OscArgument>> values = [];
        foreach (ValueCell cell in cells)
        {
            if (cell.HasValue)
            {
                // A copy: the cell's own array is written again by the next value.
                values[cell.Target] = cell.Value.ToArray();
            }
        }

        Sender.Tell(new ValuesSnapshot(values));
    }

    private void OnTerminated(Terminated terminated)
    {
        if (_watched.Remove(terminated.ActorRef))
        {
            foreach (ValueCell cell in _values.Values)
            {
                cell.Subscribers?.Remove(terminated.ActorRef);
            }
        }

        foreach (EndpointSlot slot in _endpoints.Values)
        {
            if (slot.Ref is { } known && known.Equals(terminated.ActorRef))
            {
                slot.Ref = null;
                slot.Down = true;
            }
        }
    }

    // ---- loops ----

    /// <summary>One configured endpoint as the router sees it: its loop bit, its actor, what waits to go out of it.</summary>
    private sealed class EndpointSlot(string name, ulong bit)
    {
        public string Name { get; } = name;

        public ulong Bit { get; } = bit;

        public IActorRef? Ref { get; set; }

        /// <summary>The endpoint stopped for good (watched); sends to it fail with a reason.</summary>
        public bool Down { get; set; }

        /// <summary>Sends made during this run (from the router's pool), passed on at its end; null when there are none.</summary>
        public SendBatch? Output { get; set; }

        /// <summary>The latest-value lane: one waiting message per address and reply-to.</summary>
        public Dictionary<(string Address, string? To), HubMessage>? Pending { get; set; }

        public bool FlushQueued { get; set; }
    }

    /// <summary>The current value of one target and who wants to hear when it changes.</summary>
    private sealed class ValueCell(ValueTarget target)
    {
        private OscArgument[]? _value;

        public ValueTarget Target { get; } = target;

        /// <summary>The value, in the cell's own array, which the next value of the same length overwrites: copy what is kept.</summary>
        public ReadOnlySpan<OscArgument> Value => _value;

        public bool HasValue => _value is not null;

        /// <summary>The current value is <paramref name="value"/>, argument for argument as the wire sees them.</summary>
        public bool Holds(ReadOnlySpan<OscArgument> value) => _value is not null && value.SequenceEqual(_value);

        /// <summary>Takes a copy of <paramref name="value"/>, into the array it holds when the length is the same.</summary>
        public void Set(ReadOnlySpan<OscArgument> value)
        {
            if (_value is null || _value.Length != value.Length)
            {
                _value = new OscArgument[value.Length];
            }

            // An element loop: a few arguments, where CopyTo's bulk move with write barriers is a call.
            for (int i = 0; i < value.Length; i++)
            {
                _value[i] = value[i];
            }
        }

        public List<IActorRef>? Subscribers { get; set; }
    }

    private sealed record FlushLane(string Endpoint);
}
