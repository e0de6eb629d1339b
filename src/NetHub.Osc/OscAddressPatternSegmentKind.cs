namespace NetHub.Osc;

/// <summary>How a run of pattern elements is matched, cheapest first; chosen once when the pattern is parsed.</summary>
internal enum OscAddressPatternSegmentKind : byte
{
    /// <summary>No wildcard: ordinal equality.</summary>
    Literal,

    /// <summary>Only '*': any text without '/' (and ASCII only).</summary>
    Star,

    /// <summary>A single "{...}" and nothing else: equality with one of the alternatives.</summary>
    Choice,

    /// <summary>Fixed-width elements and stars: greedy star with one backtrack point, O(text × elements).</summary>
    Greedy,

    /// <summary>Contains "{...}" among other elements: set of reachable text positions, O(text × elements × alternatives).</summary>
    Positions,

    /// <summary>The OSC 1.1 '//' between parts: zero or more whole parts.</summary>
    PathWildcard,
}
