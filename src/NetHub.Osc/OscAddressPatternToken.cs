namespace NetHub.Osc;

/// <summary>
/// One compiled pattern element. Every single-character element (a literal, '?', a set) is a 128-bit mask over
/// ASCII, so matching a character is one bit test whatever the element was; non-ASCII never matches.
/// </summary>
internal readonly struct OscAddressPatternToken
{
    private readonly ulong _low;
    private readonly ulong _high;

    private OscAddressPatternToken(OscAddressPatternTokenKind kind, ulong low, ulong high, int alternatives)
    {
        Kind = kind;
        _low = low;
        _high = high;
        Alternatives = alternatives;
    }

    /// <summary>'*': any run of characters other than '/' (and non-ASCII).</summary>
    public static OscAddressPatternToken Star { get; } = new(OscAddressPatternTokenKind.Star, 0, 0, -1);

    public OscAddressPatternTokenKind Kind { get; }

    /// <summary>Index of the '{...}' group in <see cref="OscAddressPattern"/>'s alternatives, or -1.</summary>
    public int Alternatives { get; }

    public static OscAddressPatternToken Set(ulong low, ulong high) => new(OscAddressPatternTokenKind.Set, low, high, -1);

    public static OscAddressPatternToken Choice(int index) => new(OscAddressPatternTokenKind.Alternatives, 0, 0, index);

    /// <summary>Whether a <see cref="OscAddressPatternTokenKind.Set"/> element accepts <paramref name="c"/>.</summary>
    public bool Matches(char c) => c < 64 ? ((_low >> c) & 1) != 0 : c < 128 && ((_high >> (c - 64)) & 1) != 0;
}
