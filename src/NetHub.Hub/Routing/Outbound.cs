using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Routing;

/// <summary>
/// What the router sends out of one endpoint: the message it came from (its id, times, source and bundle time), with
/// the address and the payload to send. A route's computed arguments may sit in the router's scratch array
/// (<see cref="Scratch"/>, with no payload): valid only until the router handles its next message, so whatever keeps
/// them copies them (a batch's lent payload, a value cell, <see cref="ToMessage"/>).
/// </summary>
internal readonly struct Outbound
{
    /// <summary>The message itself, as it is.</summary>
    public Outbound(HubMessage message)
        : this(message, message.Address, message.Payload)
    {
    }

    /// <summary><paramref name="original"/> with <paramref name="address"/> and <paramref name="payload"/> instead of its own.</summary>
    public Outbound(HubMessage original, string address, HubPayload payload)
    {
        Original = original;
        Address = address;
        Payload = payload;
    }

    /// <summary><paramref name="original"/> with <paramref name="address"/> and the arguments in <paramref name="scratch"/>.</summary>
    public Outbound(HubMessage original, string address, OscArgument[] scratch)
    {
        Original = original;
        Address = address;
        Scratch = scratch;
    }

    public HubMessage Original { get; }

    public string Address { get; }

    /// <summary>The payload to send, or null when the arguments are in <see cref="Scratch"/>.</summary>
    public HubPayload? Payload { get; }

    /// <summary>Arguments in the router's scratch array, when <see cref="Payload"/> is null.</summary>
    public OscArgument[]? Scratch { get; }

    /// <summary>Whether this is the original message unchanged.</summary>
    public bool IsOriginal => Scratch is null && ReferenceEquals(Payload, Original.Payload) && string.Equals(Address, Original.Address, StringComparison.Ordinal);

    /// <summary>The OSC arguments to send, when the payload is OSC (or scratch).</summary>
    public bool TryGetArguments(out ReadOnlySpan<OscArgument> arguments)
    {
        if (Scratch is { } scratch)
        {
            arguments = scratch;
            return true;
        }

        if (Payload is OscPayload osc)
        {
            arguments = OscArgument.TryGetSpan(osc.Arguments, out ReadOnlySpan<OscArgument> span) ? span : osc.Arguments.ToArray();
            return true;
        }

        arguments = default;
        return false;
    }

    /// <summary>The loop-memory fingerprint of what is sent, given its address's <see cref="LoopMemory.AddressHash"/>.</summary>
    public ulong Fingerprint(ulong addressHash) =>
        Scratch is { } scratch ? LoopMemory.Fingerprint(addressHash, scratch) : LoopMemory.Fingerprint(addressHash, Payload!);

    /// <summary>A message that may be kept: the original when unchanged, else a new one with its own copy of any scratch arguments.</summary>
    public HubMessage ToMessage() =>
        IsOriginal ? Original : Original.With(Address, Payload ?? new OscPayload(Scratch!.ToArray()));
}
