using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Routing;

/// <summary>
/// What the router sent recently, for loop detection: a fixed table indexed by a fingerprint of the message
/// (address and arguments), each slot holding the last message with that fingerprint, the endpoints it went out of
/// and when. Remembering and asking are O(1) and allocate nothing. Two messages whose fingerprints share a slot
/// replace each other: at worst a loop is caught one round later, never a new message taken for a returning one,
/// because a hit also compares the messages themselves.
/// </summary>
internal sealed class LoopMemory
{
    private readonly Entry[] _entries;
    private readonly int _mask;

    /// <param name="capacity">How many different messages it can tell apart at once (rounded up to a power of two).</param>
    public LoopMemory(int capacity)
    {
        int size = (int)Math.Min(1u << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 16)));
        _entries = new Entry[size];
        _mask = size - 1;
    }

    /// <summary>Notes that <paramref name="message"/> went out of the endpoints in <paramref name="endpointBits"/> at <paramref name="timestamp"/>.</summary>
    public void Remember(HubMessage message, ulong endpointBits, long timestamp)
    {
        int hash = Fingerprint(message);
        ref Entry entry = ref _entries[hash & _mask];
        if (entry.Message is { } seen && entry.Hash == hash && (ReferenceEquals(seen, message) || SameContent(seen, message)))
        {
            entry.Endpoints |= endpointBits;
        }
        else
        {
            entry.Message = message;
            entry.Hash = hash;
            entry.Endpoints = endpointBits;
        }

        entry.Timestamp = timestamp;
    }

    /// <summary>The endpoints an equal message went out of no longer than <paramref name="window"/> ticks before <paramref name="now"/>: 0 when it is new.</summary>
    public ulong ReturnedTo(HubMessage message, long now, long window)
    {
        int hash = Fingerprint(message);
        Entry entry = _entries[hash & _mask];
        if (entry.Message is null || entry.Hash != hash || now - entry.Timestamp > window || !SameContent(entry.Message, message))
        {
            return 0;
        }

        return entry.Endpoints;
    }

    /// <summary>Address and arguments (or text) through <see cref="FastHash"/>: a slot index, checked by comparing the messages on a hit.</summary>
    internal static int Fingerprint(HubMessage message)
    {
        ulong content = message.Payload is OscPayload osc
            ? FastHash.Arguments(osc.Arguments)
            : FastHash.Text(PayloadConvert.ToText(message.Payload));
        ulong hash = FastHash.Combine(FastHash.Text(message.Address), content);
        return (int)(hash ^ (hash >> 32));
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

    private struct Entry
    {
        public HubMessage? Message;
        public int Hash;
        public ulong Endpoints;
        public long Timestamp;
    }
}
