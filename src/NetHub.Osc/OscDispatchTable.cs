using System.Buffers;
using System.Text;

namespace NetHub.Osc;

/// <summary>
/// Values registered under OSC addresses and address patterns, looked up in both directions of OSC 1.0
/// "OSC Message Dispatching and Pattern Matching" (with the OSC 1.1 '//'):
/// <see cref="Match(ReadOnlySpan{char}, List{T})"/> takes a method address and finds every registered address
/// and pattern that matches it (a router's routes); <see cref="MatchIncoming"/> takes an incoming pattern and
/// finds the registered addresses it matches (an OSC server's methods). Results come in registration order,
/// and the same pattern may be registered more than once.
/// <para>
/// A registered address keeps the list of everything its dispatch returns, patterns included, so dispatching
/// it is one hash lookup on the span; any other address is tested only against the patterns with as many '/'
/// and a compatible first character, plus those with '//'.
/// </para>
/// <para>
/// Lookups are lock-free and allocate nothing once <c>results</c> has room: they read an immutable snapshot,
/// and Add and Remove publish a new one atomically (serialized among themselves), so any number of threads may
/// match while one changes the table. Each change copies the address index, and adding or removing a pattern
/// tests it against every registered address: O(registrations) per change, so build the table up front
/// rather than per message.
/// </para>
/// </summary>
public sealed class OscDispatchTable<T>
{
    /// <summary>UTF-8 addresses up to this length are transcoded on the stack, longer ones in pooled arrays.</summary>
    private const int StackLimit = 256;

    private readonly Lock _writeLock = new();
    private OscDispatchTableSnapshot<T> _snapshot = OscDispatchTableSnapshot<T>.Empty;
    private long _sequence;

    public int Count => Volatile.Read(ref _snapshot).All.Length;

    /// <summary>Registers <paramref name="value"/> under an address or pattern; <see cref="FormatException"/> if malformed.</summary>
    public void Add(string pattern, T value)
    {
        OscAddressPattern parsed = OscAddressPattern.Parse(pattern);
        lock (_writeLock)
        {
            var entry = new OscDispatchTableEntry<T>(++_sequence, parsed, value);
            Volatile.Write(ref _snapshot, _snapshot.With(entry));
        }
    }

    /// <summary>
    /// Removes the earliest registration of <paramref name="value"/> under exactly the text <paramref name="pattern"/>;
    /// false when there is none (including when the text is not a valid pattern).
    /// </summary>
    public bool Remove(string pattern, T value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        lock (_writeLock)
        {
            OscDispatchTableEntry<T>[] all = _snapshot.All;
            for (int i = 0; i < all.Length; i++)
            {
                if (string.Equals(all[i].Pattern.Pattern, pattern, StringComparison.Ordinal) && comparer.Equals(all[i].Value, value))
                {
                    Volatile.Write(ref _snapshot, _snapshot.Without(i));
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Appends the value of every registered address equal to, and every registered pattern matching, the method
    /// address <paramref name="address"/>; returns how many were appended.
    /// </summary>
    public int Match(ReadOnlySpan<char> address, List<T> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        OscDispatchTableSnapshot<T> snapshot = Volatile.Read(ref _snapshot);
        if (snapshot.TryGetAddress(address, out OscDispatchTableSlot<T> slot))
        {
            foreach (ref readonly OscDispatchTableEntry<T> entry in slot.Dispatch.AsSpan())
            {
                results.Add(entry.Value);
            }

            return slot.Dispatch.Length;
        }

        int added = 0;
        foreach (ref readonly OscDispatchTableEntry<T> candidate in snapshot.Candidates(address))
        {
            if (candidate.Pattern.IsMatch(address))
            {
                results.Add(candidate.Value);
                added++;
            }
        }

        return added;
    }

    /// <summary>As <see cref="Match(ReadOnlySpan{char}, List{T})"/> for an address read off the wire; bytes of 0x80 or above never match.</summary>
    public int Match(ReadOnlySpan<byte> utf8Address, List<T> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        char[]? rented = null;
        Span<char> chars = utf8Address.Length <= StackLimit
            ? stackalloc char[utf8Address.Length]
            : (rented = ArrayPool<char>.Shared.Rent(utf8Address.Length));
        try
        {
            return Ascii.ToUtf16(utf8Address, chars, out int written) == OperationStatus.Done ? Match(chars[..written], results) : 0;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// OSC 1.0 server dispatch: appends the value of every registered address that <paramref name="incoming"/>
    /// matches. A registered pattern is reported only when its text equals the incoming pattern's, since a
    /// pattern is not an address a pattern could match. Scans the registrations when the incoming pattern has
    /// wildcards (a lookup when it has none).
    /// </summary>
    public int MatchIncoming(OscAddressPattern incoming, List<T> results)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(results);
        OscDispatchTableSnapshot<T> snapshot = Volatile.Read(ref _snapshot);
        if (incoming.IsLiteral)
        {
            if (!snapshot.TryGetAddress(incoming.Pattern, out OscDispatchTableSlot<T> slot))
            {
                return 0;
            }

            foreach (ref readonly OscDispatchTableEntry<T> entry in slot.Registered.AsSpan())
            {
                results.Add(entry.Value);
            }

            return slot.Registered.Length;
        }

        int added = 0;
        foreach (ref readonly OscDispatchTableEntry<T> entry in snapshot.All.AsSpan())
        {
            OscAddressPattern registered = entry.Pattern;
            bool match = registered.IsLiteral
                ? (incoming.HasPathWildcard || registered.SlashCount == incoming.SlashCount) && incoming.IsMatch(registered.Pattern)
                : string.Equals(registered.Pattern, incoming.Pattern, StringComparison.Ordinal);
            if (match)
            {
                results.Add(entry.Value);
                added++;
            }
        }

        return added;
    }
}
