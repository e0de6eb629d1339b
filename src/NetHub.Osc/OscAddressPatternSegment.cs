namespace NetHub.Osc;

/// <summary>
/// A run of compiled elements that matches one address part or the piece of one next to the pattern's literal
/// prefix or suffix; in a pattern with '//', also the '//' itself. <see cref="Literal"/> holds the text when
/// the run has no wildcard.
/// </summary>
internal readonly record struct OscAddressPatternSegment(
    OscAddressPatternSegmentKind Kind,
    int TokenStart,
    int TokenCount,
    string Literal)
{
    /// <summary>Whether the run contains a wildcard, so that a match captures the text it covered.</summary>
    public bool Captures => Kind != OscAddressPatternSegmentKind.Literal;
}
