using System.Globalization;
using System.Text;

namespace NetHub.Configuration;

/// <summary>
/// Path expressions (HOCON spec, "Path expressions"): dots outside quotes separate elements, quoted
/// elements keep their dots, and an empty element must be quoted.
/// </summary>
internal static class ConfigPath
{
    /// <summary>Parses a path given to the API, e.g. <c>nethub.endpoints."osc.in"</c>; null when malformed.</summary>
    public static string[]? TryParse(string path)
    {
        var lexer = new HoconLexer(path, "<path>", pathMode: true);
        var pieces = new List<HoconToken>();
        try
        {
            while (true)
            {
                HoconToken token = lexer.Next();
                if (token.Kind == HoconTokenKind.End)
                {
                    break;
                }

                if (token.Kind is not (HoconTokenKind.UnquotedText or HoconTokenKind.QuotedString or HoconTokenKind.Whitespace))
                {
                    return null;
                }

                pieces.Add(token);
            }
        }
        catch (ConfigParseException)
        {
            return null;
        }

        return FromPieces(pieces);
    }

    /// <summary>Builds path elements from the unquoted, quoted and whitespace tokens of a key or substitution.</summary>
    public static string[]? FromPieces(IReadOnlyList<HoconToken> pieces)
    {
        int first = 0;
        int last = pieces.Count - 1;
        while (first <= last && pieces[first].Kind == HoconTokenKind.Whitespace)
        {
            first++;
        }

        while (last >= first && pieces[last].Kind == HoconTokenKind.Whitespace)
        {
            last--;
        }

        if (first > last)
        {
            return null;
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        bool hasContent = false;
        for (int i = first; i <= last; i++)
        {
            HoconToken piece = pieces[i];
            if (piece.Kind != HoconTokenKind.UnquotedText)
            {
                current.Append(piece.Text);
                hasContent = true;
                continue;
            }

            string[] parts = piece.Text.Split('.');
            current.Append(parts[0]);
            hasContent |= parts[0].Length > 0;
            for (int p = 1; p < parts.Length; p++)
            {
                if (!hasContent)
                {
                    return null;
                }

                segments.Add(current.ToString());
                current.Clear();
                current.Append(parts[p]);
                hasContent = parts[p].Length > 0;
            }
        }

        if (!hasContent)
        {
            return null;
        }

        segments.Add(current.ToString());
        return [.. segments];
    }

    public static string Render(IEnumerable<string> segments) => string.Join('.', segments.Select(RenderSegment));

    /// <summary>A key as it must be written in a path: bare when that reads back the same, quoted otherwise.</summary>
    public static string RenderSegment(string segment) => IsBareKey(segment) ? segment : Quote(segment);

    public static string Join(string prefix, string relative) =>
        prefix.Length == 0 ? relative : relative.Length == 0 ? prefix : prefix + "." + relative;

    public static bool StartsWith(string[] path, string[] prefix)
    {
        if (path.Length < prefix.Length)
        {
            return false;
        }

        for (int i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(path[i], prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A JSON string literal.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ' || c == '\u007f' || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }

    private static bool IsBareKey(string segment)
    {
        if (segment.Length == 0 || segment == "include")
        {
            return false;
        }

        foreach (char c in segment)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
