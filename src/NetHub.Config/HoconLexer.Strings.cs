using System.Diagnostics;
using System.Text;

namespace NetHub.Configuration;

/// <summary>Quoted strings (JSON escapes), triple-quoted raw strings, substitutions and include arguments.</summary>
internal sealed partial class HoconLexer
{
    /// <summary>
    /// Reads the argument after an unquoted <c>include</c> at the character level, because <c>file(</c> and
    /// <c>required(</c> would otherwise lex as unquoted text ('(' is not a forbidden character).
    /// </summary>
    public (string Name, bool Required) ReadIncludeSpec()
    {
        Debug.Assert(_peeked is null, "the include keyword must be the last token read");
        SkipWhitespaceAndNewlines();
        bool required = false;
        if (At("required("))
        {
            required = true;
            AdvanceBy("required(".Length);
            SkipWhitespaceAndNewlines();
        }

        string name = ReadIncludeTarget();
        if (required)
        {
            ExpectCloseParenthesis();
        }

        return (name, required);
    }

    private string ReadIncludeTarget()
    {
        if (PeekChar(0) == '"')
        {
            return ReadQuoted();
        }

        if (At("file("))
        {
            AdvanceBy("file(".Length);
            SkipWhitespaceAndNewlines();
            if (PeekChar(0) != '"')
            {
                throw Error(_line, _column, null, "a quoted file name inside file(...)", DescribeHere());
            }

            string name = ReadQuoted();
            ExpectCloseParenthesis();
            return name;
        }

        if (At("classpath(") || At("url("))
        {
            throw Error(_line, _column, null, "include \"name\", file(\"name\") or required(...)", $"'{_text[_pos..(_text.IndexOf('(', _pos) + 1)]}' (only files can be included)");
        }

        throw Error(_line, _column, null, "a quoted file name after include", DescribeHere());
    }

    private void ExpectCloseParenthesis()
    {
        SkipWhitespaceAndNewlines();
        if (PeekChar(0) != ')')
        {
            throw Error(_line, _column, null, "')'", DescribeHere());
        }

        Advance();
    }

    private void AdvanceBy(int count)
    {
        for (int i = 0; i < count; i++)
        {
            Advance();
        }
    }

    private HoconToken ReadSubstitution()
    {
        int line = _line;
        int column = _column;
        int start = _pos;
        AdvanceBy(2);
        bool optional = false;
        if (PeekChar(0) == '?')
        {
            optional = true;
            Advance();
        }

        const string Expected = "a path such as a.b inside ${...}";
        var pieces = new List<HoconToken>();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(_line, _column, null, $"'}}' to close the substitution opened at {line}:{column}", DescribeHere());
            }

            char c = _text[_pos];
            int pieceLine = _line;
            int pieceColumn = _column;
            if (c == '}')
            {
                Advance();
                break;
            }

            if (IsWhitespace(c))
            {
                int wsStart = _pos;
                while (_pos < _text.Length && IsWhitespace(_text[_pos]))
                {
                    Advance();
                }

                pieces.Add(new HoconToken(HoconTokenKind.Whitespace, _text[wsStart.._pos], pieceLine, pieceColumn));
                continue;
            }

            if (c == '"')
            {
                pieces.Add(new HoconToken(HoconTokenKind.QuotedString, ReadQuoted(), pieceLine, pieceColumn));
                continue;
            }

            if (IsForbidden(c) || (c == '/' && PeekChar(1) == '/'))
            {
                throw Error(pieceLine, pieceColumn, null, Expected, DescribeHere());
            }

            pieces.Add(new HoconToken(HoconTokenKind.UnquotedText, ReadUnquoted(), pieceLine, pieceColumn));
        }

        string text = _text[start.._pos];
        string[] path = ConfigPath.FromPieces(pieces)
            ?? throw Error(line, column, null, Expected, $"'{text}' (an empty path element must be quoted)");
        return new HoconToken(HoconTokenKind.Substitution, text, line, column) { Optional = optional, Path = path };
    }

    private string ReadQuoted()
    {
        int line = _line;
        int column = _column;
        if (At("\"\"\""))
        {
            return ReadTripleQuoted(line, column);
        }

        Advance();
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(_line, _column, null, $"'\"' to close the string opened at {line}:{column}", DescribeHere());
            }

            char c = _text[_pos];
            if (c == '"')
            {
                Advance();
                return sb.ToString();
            }

            if (c == '\\')
            {
                ReadEscape(sb);
                continue;
            }

            if (c < ' ')
            {
                throw Error(_line, _column, null, "text or an escape such as \\t inside a quoted string", DescribeHere());
            }

            sb.Append(c);
            Advance();
        }
    }

    private void ReadEscape(StringBuilder sb)
    {
        int line = _line;
        int column = _column;
        Advance();
        char e = PeekChar(0);
        if (_pos >= _text.Length)
        {
            throw Error(_line, _column, null, "an escaped character after '\\'", "end of file");
        }

        Advance();
        switch (e)
        {
            case '"': sb.Append('"'); return;
            case '\\': sb.Append('\\'); return;
            case '/': sb.Append('/'); return;
            case 'b': sb.Append('\b'); return;
            case 'f': sb.Append('\f'); return;
            case 'n': sb.Append('\n'); return;
            case 'r': sb.Append('\r'); return;
            case 't': sb.Append('\t'); return;
            case 'u':
                int value = 0;
                for (int i = 0; i < 4; i++)
                {
                    char h = PeekChar(0);
                    if (_pos >= _text.Length || !char.IsAsciiHexDigit(h))
                    {
                        throw Error(_line, _column, null, "four hex digits after \\u", DescribeHere());
                    }

                    value = (value * 16) + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                    Advance();
                }

                sb.Append((char)value);
                return;
            default:
                throw Error(line, column, null, "an escape such as \\n, \\t, \\\" or \\u0041", char.IsControl(e) ? "'\\' before a control character" : $"'\\{e}'");
        }
    }

    /// <summary>Raw text up to the closing quotes; extra quotes before the last three belong to the string (HOCON spec, "Multi-line strings").</summary>
    private string ReadTripleQuoted(int line, int column)
    {
        AdvanceBy(3);
        int start = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(_line, _column, null, $"'\"\"\"' to close the string opened at {line}:{column}", "end of file");
            }

            if (At("\"\"\""))
            {
                int end = _pos;
                while (end < _text.Length && _text[end] == '"')
                {
                    end++;
                }

                string content = _text[start..(end - 3)];
                AdvanceBy(end - _pos);
                return content;
            }

            Advance();
        }
    }
}
