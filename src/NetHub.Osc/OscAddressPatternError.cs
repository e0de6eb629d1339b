using System.Globalization;

namespace NetHub.Osc;

/// <summary>
/// The first problem in a pattern: what, and at which character (counted from 0). Kept as data so
/// <see cref="OscAddress.IsValidPattern"/> allocates nothing; the message is built only when asked for.
/// </summary>
internal readonly record struct OscAddressPatternError(OscAddressPatternErrorKind Kind, int Position)
{
    public static OscAddressPatternError None => default;

    /// <summary>One line for a technician, e.g. "unclosed '[' at position 5".</summary>
    public string Describe(ReadOnlySpan<char> pattern)
    {
        IFormatProvider c = CultureInfo.InvariantCulture;
        string at = Position < pattern.Length ? OscAddress.Describe(pattern[Position]) : "end of pattern";
        return Kind switch
        {
            OscAddressPatternErrorKind.Empty => "an OSC address pattern must not be empty; it starts with '/'",
            OscAddressPatternErrorKind.TooLong => string.Format(c, "pattern of {0} characters is longer than the limit of {1}", pattern.Length, OscAddressPattern.MaxLength),
            OscAddressPatternErrorKind.MissingLeadingSlash => string.Format(c, "an OSC address pattern must start with '/', but position 0 holds {0}", at),
            OscAddressPatternErrorKind.EmptyPart => string.Format(c, "empty part at position {0}: a pattern must not end with '/'", Position),
            OscAddressPatternErrorKind.TooManySlashes => string.Format(c, "'///' at position {0}: '//' (any number of levels) must be followed by a part", Position),
            OscAddressPatternErrorKind.TrailingPathWildcard => string.Format(c, "'//' at position {0} ends the pattern: it must be followed by a part", Position),
            OscAddressPatternErrorKind.InvalidCharacter => string.Format(c, "{0} at position {1} is not allowed in an OSC address pattern", at, Position),
            OscAddressPatternErrorKind.UnclosedBracket => string.Format(c, "'[' at position {0} is never closed by ']' within its part", Position),
            OscAddressPatternErrorKind.EmptyBracket => string.Format(c, "'[' at position {0} opens an empty character set", Position),
            OscAddressPatternErrorKind.ReversedRange => string.Format(c, "range '{0}-{1}' at position {2} is reversed (ranges go up in ASCII order)", pattern[Position], pattern[Position + 2], Position),
            OscAddressPatternErrorKind.InvalidCharacterInBracket => string.Format(c, "{0} at position {1} is not allowed inside '[...]'", at, Position),
            OscAddressPatternErrorKind.UnmatchedBracket => string.Format(c, "']' at position {0} closes no '['", Position),
            OscAddressPatternErrorKind.UnclosedBrace => string.Format(c, "'{{' at position {0} is never closed by '}}' within its part", Position),
            OscAddressPatternErrorKind.InvalidCharacterInBrace => string.Format(c, "{0} at position {1} is not allowed inside '{{...}}' (alternatives are plain names)", at, Position),
            OscAddressPatternErrorKind.UnmatchedBrace => string.Format(c, "'}}' at position {0} closes no '{{'", Position),
            OscAddressPatternErrorKind.TooManyAlternatives => string.Format(c, "',' at position {0} starts alternative {1}, more than the limit of {2} in one '{{...}}'", Position, OscAddressPattern.MaxAlternatives + 1, OscAddressPattern.MaxAlternatives),
            _ => "valid",
        };
    }
}
