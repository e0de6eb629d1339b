using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Routing;

/// <summary>
/// What the router sent recently, for loop detection: a fixed table indexed by a 64-bit fingerprint of the message
/// (address and arguments, or text), each slot holding the last fingerprint that landed there, the endpoints it went
/// out of and when. Remembering and asking are O(1), allocate nothing and hold no reference to a message, so the
/// messages the router sent die young instead of being kept (and promoted) by the table. Two messages whose
/// fingerprints share a slot replace each other: at worst a loop is caught one round later. A new message is taken for
/// a returning one only if its whole 64-bit fingerprint equals that of a message sent within the window: for one
/// argument of a given address and type the fingerprint cannot collide at all (every step is a bijection of the value),
/// and otherwise the odds are about one in 2^64 per message.
/// </summary>
internal sealed class LoopMemory
{
    /// <summary>Buckets of addresses, by <see cref="AddressHash"/>, for <see cref="_sentTo"/>.</summary>
    private const int AddressBuckets = 1024;

    private readonly Entry[] _entries;
    private readonly int _mask;

    /// <summary>
    /// When a message last went out to an address in each bucket: a message to an address whose bucket has had nothing
    /// within the window cannot be one coming back, and needs neither its fingerprint nor the table (most of a show's
    /// streams go one way). Two addresses sharing a bucket only make the answer "ask the table" more often.
    /// </summary>
    private readonly long[] _sentTo = new long[AddressBuckets];

    // What Note has taken since the last Commit.
    private Noted[] _notes = new Noted[64];
    private int _noted;

    /// <param name="capacity">How many different messages it can tell apart at once (rounded up to a power of two).</param>
    public LoopMemory(int capacity)
    {
        int size = (int)Math.Min(1u << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 16)));
        _entries = new Entry[size];
        _mask = size - 1;
        // Long before any clock's first reading, and far enough from long.MinValue that now minus it cannot overflow.
        Array.Fill(_sentTo, long.MinValue / 2);
    }

    /// <summary>
    /// Notes that the message with <paramref name="fingerprint"/>, to the address whose <see cref="AddressHash"/> is
    /// <paramref name="addressHash"/>, is to go out of the endpoints in <paramref name="endpointBits"/>: remembered at the
    /// next <see cref="Commit"/>. The router holds what a run sends until the run ends, so nothing it sends can come back
    /// before then; it commits just before it passes the sends on. A note is a store to a short array that stays in the
    /// cache, and asks for the table slot it will write to be fetched meanwhile: remembering at once would wait for that
    /// slot, which is often not in the cache, in the middle of routing each message.
    /// </summary>
    public void Note(ulong addressHash, ulong fingerprint, ulong endpointBits)
    {
        if (_noted == _notes.Length)
        {
            Array.Resize(ref _notes, _notes.Length * 2);
        }

        _notes[_noted++] = new Noted(addressHash, fingerprint, endpointBits);
        Prefetch(ref _entries[(int)fingerprint & _mask]);
    }

    /// <summary>A hint to fetch <paramref name="entry"/>'s cache line: it never faults, and a slot moved by the GC meanwhile only misses the hint.</summary>
    private static unsafe void Prefetch(ref Entry entry)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref entry));
        }
    }

    /// <summary>Notes not yet committed.</summary>
    public int NotedCount => _noted;

    /// <summary>Remembers every message <see cref="Note"/>d since the last commit as gone out at <paramref name="timestamp"/>.</summary>
    public void Commit(long timestamp)
    {
        Noted[] notes = _notes;
        for (int i = 0; i < _noted; i++)
        {
            Remember(notes[i].AddressHash, notes[i].Fingerprint, notes[i].Endpoints, timestamp);
        }

        _noted = 0;
    }

    /// <summary>
    /// Notes at <paramref name="timestamp"/> that the message with <paramref name="fingerprint"/> (from
    /// <see cref="Fingerprint(ulong, HubPayload)"/>), to the address whose <see cref="AddressHash"/> is
    /// <paramref name="addressHash"/>, went out of the endpoints in <paramref name="endpointBits"/>.
    /// </summary>
    public void Remember(ulong addressHash, ulong fingerprint, ulong endpointBits, long timestamp)
    {
        _sentTo[(int)addressHash & (AddressBuckets - 1)] = timestamp;
        ref Entry entry = ref _entries[(int)fingerprint & _mask];
        if (entry.Fingerprint == fingerprint)
        {
            entry.Endpoints |= endpointBits;
        }
        else
        {
            entry.Fingerprint = fingerprint;
            entry.Endpoints = endpointBits;
        }

        entry.Timestamp = timestamp;
    }

    /// <summary>
    /// Whether anything went out to the address whose <see cref="AddressHash"/> is <paramref name="addressHash"/> (or to
    /// one sharing its bucket) no longer than <paramref name="window"/> ticks before <paramref name="now"/>. False means a
    /// message to that address is not coming back: <see cref="ReturnedTo"/> would answer 0 for any fingerprint.
    /// </summary>
    public bool MaySeeReturn(ulong addressHash, long now, long window) =>
        now - _sentTo[(int)addressHash & (AddressBuckets - 1)] <= window;

    /// <summary>
    /// The endpoints a message with <paramref name="fingerprint"/> went out of no longer than <paramref name="window"/>
    /// ticks before <paramref name="now"/>: 0 when it is new.
    /// </summary>
    public ulong ReturnedTo(ulong fingerprint, long now, long window)
    {
        ref readonly Entry entry = ref _entries[(int)fingerprint & _mask];
        return entry.Fingerprint == fingerprint && now - entry.Timestamp <= window ? entry.Endpoints : 0;
    }

    /// <summary>The fingerprint of a message: its address and its arguments (or text).</summary>
    internal static ulong Fingerprint(HubMessage message) => Fingerprint(AddressHash(message.Address), message.Payload);

    /// <summary>The part of a fingerprint that depends only on the address: worth keeping beside an address that recurs.</summary>
    internal static ulong AddressHash(string address) => FastHash.Text(address);

    /// <summary>
    /// The fingerprint of a message with <paramref name="payload"/> at the address whose <see cref="AddressHash"/> is
    /// <paramref name="addressHash"/>; never 0, which marks an empty slot.
    /// </summary>
    internal static ulong Fingerprint(ulong addressHash, HubPayload payload)
    {
        if (payload is OscPayload osc)
        {
            return OscArgument.TryGetSpan(osc.Arguments, out ReadOnlySpan<OscArgument> span)
                ? Fingerprint(addressHash, span)
                : Fingerprint(addressHash, osc.Arguments.ToArray());
        }

        ulong hash = FastHash.Combine(addressHash, FastHash.Combine((ulong)payload.Kind, FastHash.Text(PayloadConvert.ToText(payload))));
        return hash == 0 ? 1 : hash;
    }

    /// <summary>
    /// As <see cref="Fingerprint(ulong, HubPayload)"/> for an OSC payload of <paramref name="arguments"/>: the same value.
    /// The address's hash (with the count) starts the fold over the arguments instead of being folded in after them,
    /// which leaves one multiply fewer between a message and its slot. Each step is still a bijection of the value, so
    /// one argument of one type to one address cannot collide.
    /// </summary>
    internal static ulong Fingerprint(ulong addressHash, ReadOnlySpan<OscArgument> arguments)
    {
        ulong hash = addressHash ^ (ulong)arguments.Length;
        foreach (OscArgument argument in arguments)
        {
            hash = FastHash.Combine(hash, argument.FastHash());
        }

        return hash == 0 ? 1 : hash;
    }

    private readonly record struct Noted(ulong AddressHash, ulong Fingerprint, ulong Endpoints);

    private struct Entry
    {
        public ulong Fingerprint;
        public ulong Endpoints;
        public long Timestamp;
    }
}
