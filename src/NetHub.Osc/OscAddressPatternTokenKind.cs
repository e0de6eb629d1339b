namespace NetHub.Osc;

internal enum OscAddressPatternTokenKind : byte
{
    /// <summary>Exactly one character from a set: a literal, '?', "[...]" or "[!...]".</summary>
    Set,

    /// <summary>'*'.</summary>
    Star,

    /// <summary>"{a,b}": one of a list of plain strings, possibly empty.</summary>
    Alternatives,
}
