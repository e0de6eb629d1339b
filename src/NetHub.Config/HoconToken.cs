namespace NetHub.Configuration;

/// <summary>
/// A token with its 1-based position. <see cref="Text"/> is the decoded string for quoted strings and the
/// exact source text otherwise; substitutions carry their parsed <see cref="Path"/>.
/// </summary>
internal sealed record HoconToken(HoconTokenKind Kind, string Text, int Line, int Column)
{
    public bool Optional { get; init; }

    public string[]? Path { get; init; }

    public string Describe() => Kind switch
    {
        HoconTokenKind.End => "end of file",
        HoconTokenKind.Newline => "newline",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.QuotedString => "string " + ConfigPath.Quote(Shorten(Text)),
        HoconTokenKind.UnquotedText => "'" + Shorten(Text) + "'",
        HoconTokenKind.Substitution => "substitution " + (Optional ? "${?" : "${") + ConfigPath.Render(Path ?? []) + "}",
        _ => "'" + Text + "'",
    };

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
