namespace NetHub.Configuration;

internal enum HoconTokenKind
{
    End,
    Newline,
    Whitespace,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    QuotedString,
    UnquotedText,
    Substitution,
}
