namespace NetHub.Osc;

/// <summary>Why <see cref="OscAddressPatternSyntax.Validate"/> rejected a pattern.</summary>
internal enum OscAddressPatternErrorKind
{
    None,
    Empty,
    TooLong,
    MissingLeadingSlash,
    EmptyPart,
    TooManySlashes,
    TrailingPathWildcard,
    InvalidCharacter,
    UnclosedBracket,
    EmptyBracket,
    ReversedRange,
    InvalidCharacterInBracket,
    UnmatchedBracket,
    UnclosedBrace,
    InvalidCharacterInBrace,
    UnmatchedBrace,
    TooManyAlternatives,
}
