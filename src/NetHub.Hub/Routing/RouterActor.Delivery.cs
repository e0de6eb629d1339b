using NetHub.Actors;
using NetHub.Hub.History;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.Transports;

namespace NetHub.Hub.Routing;

/// <summary>Sending out of endpoints: lanes, the current values and their subscribers, loop memory.</summary>
public sealed partial class RouterActor
{
    private readonly ulong[] _loopMask;
    private readonly Dictionary<string, Dictionary<(string Address, string? To), HubMessage>> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flushQueued = new(StringComparer.Ordinal);
    private readonly Dictionary<ValueTarget, IReadOnlyList<OscArgument>> _values = [];
    private readonly Dictionary<ValueTarget, List<IActorRef>> _subscribers = [];
    private readonly HashSet<IActorRef> _watched = [];
    private readonly HashSet<string> _down = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Sent> _recent = [];

    /// <summary>
    /// Sends <paramref name="message"/> out of <paramref name="endpoint"/>. Reliable goes at once (and supersedes a
    /// value of the same address still waiting on the latest-value lane); latest-value waits in a per-endpoint table
    /// until the router has handled what is already in its mailbox, so a burst of fader moves leaves as one message
    /// per address. The message's arguments become the target's current value.
    /// </summary>
    private void Deliver(string endpoint, HubMessage message, Lane lane, string? to, string origin)
    {
        if (!_endpointRefs.ContainsKey(endpoint) && !_endpointNames.Contains(endpoint, StringComparer.Ordinal))
        {
            Fail("UnknownEndpoint", $"{origin} sent {message.Address} to endpoint '{endpoint}', which is not configured (endpoints: {string.Join(", ", _endpointNames)})");
            return;
        }

        UpdateValue(new ValueTarget(endpoint, message.Address), message.Payload, origin);
        if (lane == Lane.Reliable)
        {
            if (_pending.TryGetValue(endpoint, out Dictionary<(string, string?), HubMessage>? waiting))
            {
                waiting.Remove((message.Address, to));
            }

            Transmit(endpoint, message, to);
            return;
        }

        if (!_pending.TryGetValue(endpoint, out Dictionary<(string, string?), HubMessage>? table))
        {
            table = [];
            _pending[endpoint] = table;
        }

        if (table.ContainsKey((message.Address, to)))
        {
            _coalesced++;
        }

        table[(message.Address, to)] = message;
        if (_flushQueued.Add(endpoint))
        {
            Self.Tell(new FlushLane(endpoint));
        }
    }

    private void OnFlushLane(FlushLane flush)
    {
        _flushQueued.Remove(flush.Endpoint);
        if (!_pending.TryGetValue(flush.Endpoint, out Dictionary<(string Address, string? To), HubMessage>? table) || table.Count == 0)
        {
            return;
        }

        foreach (KeyValuePair<(string Address, string? To), HubMessage> entry in table)
        {
            Transmit(flush.Endpoint, entry.Value, entry.Key.To);
        }

        table.Clear();
    }

    private void Transmit(string endpoint, HubMessage message, string? to)
    {
        if (_down.Contains(endpoint))
        {
            Fail("EndpointDown", $"cannot send {message.Address} to endpoint '{endpoint}': it has stopped (see the log for why; restart the node to retry)");
            return;
        }

        Remember(message, endpoint);
        var send = new SendMessage(message, to);
        if (EndpointRef(endpoint) is { } target)
        {
            target.Tell(send, Self);
        }
        else if (_wiring is not null)
        {
            // Just after start the endpoint may not be resolvable yet; its parent hands it over in order.
            _wiring.Endpoints.Tell(new ToEndpoint(endpoint, send), Self);
        }

        _sent++;
        _wiring?.History?.Tell(new Traffic(message, TrafficDirection.Out, endpoint, to));
    }

    private IActorRef? EndpointRef(string endpoint)
    {
        if (_endpointRefs.TryGetValue(endpoint, out IActorRef? known))
        {
            return known;
        }

        if (_wiring is null || !Context.System.TryResolve($"{_wiring.Endpoints.Path.ToStringWithoutAddress()}/{endpoint}", out IActorRef? found))
        {
            return null;
        }

        _endpointRefs[endpoint] = found;
        Context.Watch(found);
        return found;
    }

    // ---- values ----

    private void OnSetValue(SetValue set)
    {
        var message = HubMessage.Create(Now, new MessageSource(_node, "hub", null), set.Target.Address, new OscPayload(set.Value));
        Deliver(set.Target.Endpoint, message, set.Lane, null, set.Origin);
    }

    private void UpdateValue(ValueTarget target, HubPayload payload, string origin)
    {
        if (payload is not OscPayload osc)
        {
            return;
        }

        _values[target] = osc.Arguments;
        if (_subscribers.TryGetValue(target, out List<IActorRef>? subscribers))
        {
            var changed = new ValueChanged(target, osc.Arguments, origin);
            foreach (IActorRef subscriber in subscribers)
            {
                subscriber.Tell(changed, Self);
            }
        }
    }

    private void OnSubscribe(SubscribeValues subscribe)
    {
        foreach (ValueTarget target in subscribe.Targets)
        {
            if (!_subscribers.TryGetValue(target, out List<IActorRef>? list))
            {
                list = [];
                _subscribers[target] = list;
            }

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
        Dictionary<ValueTarget, IReadOnlyList<OscArgument>> values = get.Targets is null
            ? new(_values)
            : get.Targets.Where(_values.ContainsKey).Distinct().ToDictionary(t => t, t => _values[t]);
        Sender.Tell(new ValuesSnapshot(values));
    }

    private void OnTerminated(Terminated terminated)
    {
        if (_watched.Remove(terminated.ActorRef))
        {
            foreach (List<IActorRef> list in _subscribers.Values)
            {
                list.Remove(terminated.ActorRef);
            }
        }

        foreach (KeyValuePair<string, IActorRef> entry in _endpointRefs.Where(e => e.Value.Equals(terminated.ActorRef)).ToList())
        {
            _endpointRefs.Remove(entry.Key);
            _down.Add(entry.Key);
        }
    }

    // ---- loops ----

    private ulong EndpointBit(string endpoint)
    {
        for (int i = 0; i < _endpointNames.Count; i++)
        {
            if (string.Equals(_endpointNames[i], endpoint, StringComparison.Ordinal))
            {
                return _loopMask[i];
            }
        }

        return 0;
    }

    private static int Fingerprint(HubMessage message)
    {
        var hash = default(HashCode);
        hash.Add(message.Address, StringComparer.Ordinal);
        if (message.Payload is OscPayload osc)
        {
            foreach (OscArgument argument in osc.Arguments)
            {
                hash.Add(argument);
            }
        }
        else
        {
            hash.Add(PayloadConvert.ToText(message.Payload), StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Notes that <paramref name="message"/> went out of <paramref name="endpoint"/>, for <see cref="ReturnedTo"/>.</summary>
    private void Remember(HubMessage message, string endpoint)
    {
        long now = Context.System.Time.GetTimestamp();
        if (_recent.Count >= _settings.LoopMemory)
        {
            long oldest = now - (long)(_settings.LoopWindow.TotalSeconds * Context.System.Time.TimestampFrequency);
            foreach (KeyValuePair<int, Sent> entry in _recent)
            {
                if (entry.Value.Timestamp < oldest)
                {
                    _recent.Remove(entry.Key);
                }
            }

            if (_recent.Count >= _settings.LoopMemory)
            {
                _recent.Clear();
            }
        }

        int key = Fingerprint(message);
        if (_recent.TryGetValue(key, out Sent? seen) && SameContent(seen.Message, message))
        {
            seen.Endpoints |= EndpointBit(endpoint);
            seen.Timestamp = now;
        }
        else
        {
            // A different message with the same fingerprint replaces the old one: at worst a loop is caught one
            // round later, never a new message taken for a returning one.
            _recent[key] = new Sent(message, EndpointBit(endpoint), now);
        }
    }

    /// <summary>The endpoints an equal message went out of within the loop window: 0 when it is new.</summary>
    private ulong ReturnedTo(HubMessage message)
    {
        if (_recent.Count == 0 || !_recent.TryGetValue(Fingerprint(message), out Sent? seen) || !SameContent(seen.Message, message))
        {
            return 0;
        }

        TimeSpan age = Context.System.Time.GetElapsedTime(seen.Timestamp);
        return age <= _settings.LoopWindow ? seen.Endpoints : 0;
    }

    /// <summary>Same address and same arguments (or text): what makes a message that comes back "the same".</summary>
    private static bool SameContent(HubMessage a, HubMessage b)
    {
        if (!string.Equals(a.Address, b.Address, StringComparison.Ordinal))
        {
            return false;
        }

        if (a.Payload is OscPayload x && b.Payload is OscPayload y)
        {
            IReadOnlyList<OscArgument> left = x.Arguments;
            IReadOnlyList<OscArgument> right = y.Arguments;
            if (left.Count != right.Count)
            {
                return false;
            }

            for (int i = 0; i < left.Count; i++)
            {
                if (!left[i].Equals(right[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return a.Payload.Kind == b.Payload.Kind && string.Equals(PayloadConvert.ToText(a.Payload), PayloadConvert.ToText(b.Payload), StringComparison.Ordinal);
    }

    /// <summary>One remembered send: the message, the endpoints it went out of, when last.</summary>
    private sealed class Sent(HubMessage message, ulong endpoints, long timestamp)
    {
        public HubMessage Message { get; } = message;

        public ulong Endpoints { get; set; } = endpoints;

        public long Timestamp { get; set; } = timestamp;
    }

    private sealed record FlushLane(string Endpoint);
}
