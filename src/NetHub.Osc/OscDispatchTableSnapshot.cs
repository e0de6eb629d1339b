namespace NetHub.Osc;

/// <summary>
/// One immutable state of an <see cref="OscDispatchTable{T}"/>. Readers use whichever snapshot they loaded, so
/// nothing here is ever mutated after construction; a change builds a new snapshot that shares what it did not
/// touch. Every array below is in registration order.
/// </summary>
internal sealed class OscDispatchTableSnapshot<T>
{
    private readonly Dictionary<string, OscDispatchTableSlot<T>>.AlternateLookup<ReadOnlySpan<char>> _addressLookup;

    /// <summary>
    /// The patterns an address could match, by the address's number of '/' and then its first character:
    /// those with as many '/' whose first character is the address's own or a wildcard, then every '//'
    /// pattern, merged in registration order so a dispatch walks one list. Index 0 of the inner array serves
    /// first characters no pattern starts with; a '/' count with no inner array gets <see cref="_paths"/>.
    /// Arrays, not dictionaries: the indexes are small and dense, and two loads beat two hash lookups.
    /// </summary>
    private readonly OscDispatchTableEntry<T>[]?[]?[] _candidates;

    /// <summary>Patterns with '//', which can match any number of parts.</summary>
    private readonly OscDispatchTableEntry<T>[] _paths;

    private OscDispatchTableSnapshot(
        OscDispatchTableEntry<T>[] all,
        Dictionary<string, OscDispatchTableSlot<T>> addresses,
        OscDispatchTableEntry<T>[] patterns,
        OscDispatchTableSnapshot<T>? samePatterns)
    {
        All = all;
        Addresses = addresses;
        Patterns = patterns;
        _addressLookup = addresses.GetAlternateLookup<ReadOnlySpan<char>>();
        _paths = samePatterns?._paths ?? Array.FindAll(patterns, e => e.Pattern.HasPathWildcard);
        _candidates = samePatterns?._candidates ?? Candidates(patterns, _paths);
    }

    public static OscDispatchTableSnapshot<T> Empty { get; } = new([], new(OscDispatchTableKeyComparer.Instance), [], null);

    /// <summary>Every registration.</summary>
    public OscDispatchTableEntry<T>[] All { get; }

    /// <summary>Registered addresses (registrations without wildcards).</summary>
    public Dictionary<string, OscDispatchTableSlot<T>> Addresses { get; }

    /// <summary>Registrations with wildcards.</summary>
    public OscDispatchTableEntry<T>[] Patterns { get; }

    public bool TryGetAddress(ReadOnlySpan<char> address, out OscDispatchTableSlot<T> slot) => _addressLookup.TryGetValue(address, out slot);

    /// <summary>The patterns <paramref name="address"/> could match (a superset of those it does), in registration order.</summary>
    public ReadOnlySpan<OscDispatchTableEntry<T>> Candidates(ReadOnlySpan<char> address)
    {
        if (Patterns.Length == 0)
        {
            return default;
        }

        int slashes = address.Count('/');
        OscDispatchTableEntry<T>[]?[]?[] candidates = _candidates;
        if ((uint)slashes >= (uint)candidates.Length || candidates[slashes] is not { } byFirst)
        {
            return _paths;
        }

        char first = address.Length > 1 ? address[1] : '\0';
        return (first < 128 ? byFirst[first] : null) ?? byFirst[0];
    }

    public OscDispatchTableSnapshot<T> With(OscDispatchTableEntry<T> entry)
    {
        OscDispatchTableEntry<T>[] all = [.. All, entry];
        var addresses = new Dictionary<string, OscDispatchTableSlot<T>>(Addresses, Addresses.Comparer);
        if (entry.Pattern.IsLiteral)
        {
            // The new entry is the latest registration, so it goes last in both lists.
            string address = entry.Pattern.Pattern;
            addresses[address] = addresses.TryGetValue(address, out OscDispatchTableSlot<T> slot)
                ? new([.. slot.Registered, entry], [.. slot.Dispatch, entry])
                : new([entry], [.. Matching(address), entry]);
            return new(all, addresses, Patterns, this);
        }

        foreach ((string address, OscDispatchTableSlot<T> slot) in Addresses)
        {
            if (entry.Pattern.IsMatch(address))
            {
                addresses[address] = slot with { Dispatch = [.. slot.Dispatch, entry] };
            }
        }

        return new(all, addresses, [.. Patterns, entry], null);
    }

    public OscDispatchTableSnapshot<T> Without(int index)
    {
        OscDispatchTableEntry<T> entry = All[index];
        OscDispatchTableEntry<T>[] all = [.. All.AsSpan(0, index), .. All.AsSpan(index + 1)];
        var addresses = new Dictionary<string, OscDispatchTableSlot<T>>(Addresses, Addresses.Comparer);
        if (entry.Pattern.IsLiteral)
        {
            string address = entry.Pattern.Pattern;
            OscDispatchTableSlot<T> slot = addresses[address];
            if (slot.Registered.Length == 1)
            {
                addresses.Remove(address);
            }
            else
            {
                addresses[address] = new(Removed(slot.Registered, entry.Sequence), Removed(slot.Dispatch, entry.Sequence));
            }

            return new(all, addresses, Patterns, this);
        }

        foreach ((string address, OscDispatchTableSlot<T> slot) in Addresses)
        {
            if (entry.Pattern.IsMatch(address))
            {
                addresses[address] = slot with { Dispatch = Removed(slot.Dispatch, entry.Sequence) };
            }
        }

        return new(all, addresses, Removed(Patterns, entry.Sequence), null);
    }

    private OscDispatchTableEntry<T>[] Matching(string address)
    {
        var matching = new List<OscDispatchTableEntry<T>>();
        foreach (OscDispatchTableEntry<T> candidate in Candidates(address))
        {
            if (candidate.Pattern.IsMatch(address))
            {
                matching.Add(candidate);
            }
        }

        return [.. matching];
    }

    /// <summary>
    /// Builds the candidate lists from scratch: O(patterns × distinct first characters), paid when a pattern is
    /// added or removed (a new address reuses the lists of the snapshot before).
    /// </summary>
    private static OscDispatchTableEntry<T>[]?[]?[] Candidates(OscDispatchTableEntry<T>[] patterns, OscDispatchTableEntry<T>[] paths)
    {
        if (patterns.Length == paths.Length)
        {
            return [];
        }

        int maxSlashes = patterns.Where(e => !e.Pattern.HasPathWildcard).Max(e => e.Pattern.SlashCount);
        var candidates = new OscDispatchTableEntry<T>[]?[]?[maxSlashes + 1];
        foreach (IGrouping<int, OscDispatchTableEntry<T>> group in patterns.Where(e => !e.Pattern.HasPathWildcard).GroupBy(e => e.Pattern.SlashCount))
        {
            int slashes = group.Key;
            var byFirst = new OscDispatchTableEntry<T>[]?[128];
            foreach (char first in group.Select(e => e.Pattern.FirstChar).Distinct())
            {
                byFirst[first] = Array.FindAll(patterns, e => e.Pattern.HasPathWildcard
                    || (e.Pattern.SlashCount == slashes && (e.Pattern.FirstChar == first || e.Pattern.FirstChar == '\0')));
            }

            byFirst[0] ??= paths;
            candidates[slashes] = byFirst;
        }

        return candidates;
    }

    private static OscDispatchTableEntry<T>[] Removed(OscDispatchTableEntry<T>[] entries, long sequence) =>
        Array.FindAll(entries, e => e.Sequence != sequence);
}
