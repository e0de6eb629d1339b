namespace NetHub.Configuration;

/// <summary>
/// Splits HOCON text into tokens on demand (HOCON spec, "Syntax"): comments are dropped, whitespace and
/// newlines are kept because value concatenation and field separation depend on them. In path mode (keys
/// given to the API and the inside of <c>${...}</c>) there are no comments.
/// </summary>
internal sealed partial class HoconLexer
{
    private readonly string _text;
    private readonly bool _pathMode;
    private int _pos;
    private int _line = 1;
    private int _column = 1;
    private HoconToken? _peeked;

    public HoconLexer(string text, string source, bool pathMode = false)
    {
        _text = text;
        Source = source;
        _pathMode = pathMode;
    }

    public string Source { get; }

    public HoconToken Peek() => _peeked ??= Read();

    public HoconToken Next()
    {
        HoconToken token = Peek();
        _peeked = null;
        return token;
    }

    public ConfigParseException Error(int line, int column, string? keyPath, string expected, string got) =>
        new(new ConfigOrigin(Source, line, column), keyPath, expected, got);

    public ConfigParseException Error(HoconToken at, string? keyPath, string expected) =>
        Error(at.Line, at.Column, keyPath, expected, at.Describe());

    internal static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    /// <summary>The spec's forbidden characters for unquoted text, whitespace aside.</summary>
    internal static bool IsForbidden(char c) => c switch
    {
        '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\' => true,
        _ => false,
    };

    private HoconToken Read()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return new HoconToken(HoconTokenKind.End, string.Empty, _line, _column);
            }

            char c = _text[_pos];
            int line = _line;
            int column = _column;
            if (c == '\n')
            {
                Advance();
                return new HoconToken(HoconTokenKind.Newline, "\n", line, column);
            }

            if (IsWhitespace(c))
            {
                int start = _pos;
                while (_pos < _text.Length && IsWhitespace(_text[_pos]))
                {
                    Advance();
                }

                return new HoconToken(HoconTokenKind.Whitespace, _text[start.._pos], line, column);
            }

            if (!_pathMode && (c == '#' || (c == '/' && PeekChar(1) == '/')))
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    Advance();
                }

                continue;
            }

            HoconTokenKind single = c switch
            {
                '{' => HoconTokenKind.LeftBrace,
                '}' => HoconTokenKind.RightBrace,
                '[' => HoconTokenKind.LeftBracket,
                ']' => HoconTokenKind.RightBracket,
                ',' => HoconTokenKind.Comma,
                ':' => HoconTokenKind.Colon,
                '=' => HoconTokenKind.Equals,
                _ => HoconTokenKind.End,
            };
            if (single != HoconTokenKind.End)
            {
                Advance();
                return new HoconToken(single, c.ToString(), line, column);
            }

            if (c == '+' && PeekChar(1) == '=')
            {
                Advance();
                Advance();
                return new HoconToken(HoconTokenKind.PlusEquals, "+=", line, column);
            }

            if (c == '"')
            {
                return new HoconToken(HoconTokenKind.QuotedString, ReadQuoted(), line, column);
            }

            if (c == '$' && PeekChar(1) == '{' && !_pathMode)
            {
                return ReadSubstitution();
            }

            if (IsForbidden(c))
            {
                throw Error(line, column, null, "a key or value", $"reserved character '{c}' (put text containing it in double quotes)");
            }

            return new HoconToken(HoconTokenKind.UnquotedText, ReadUnquoted(), line, column);
        }
    }

    private string ReadUnquoted()
    {
        int start = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n' || IsWhitespace(c))
            {
                break;
            }

            // `1e+5` is a number, although '+' may not appear in unquoted text.
            if (c == '+' && IsExponentSoFar(start))
            {
                Advance();
                continue;
            }

            if (IsForbidden(c) || (!_pathMode && c == '/' && PeekChar(1) == '/'))
            {
                break;
            }

            Advance();
        }

        return _text[start.._pos];
    }

    /// <summary>True when the text from <paramref name="start"/> is a number up to and including an exponent 'e'.</summary>
    private bool IsExponentSoFar(int start)
    {
        int i = start;
        int end = _pos - 1;
        if (end <= start || (_text[end] != 'e' && _text[end] != 'E'))
        {
            return false;
        }

        if (_text[i] == '-')
        {
            i++;
        }

        int digits = 0;
        while (i < end && char.IsAsciiDigit(_text[i]))
        {
            i++;
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < end && _text[i] == '.')
        {
            i++;
            int fraction = 0;
            while (i < end && char.IsAsciiDigit(_text[i]))
            {
                i++;
                fraction++;
            }

            if (fraction == 0)
            {
                return false;
            }
        }

        return i == end;
    }

    private char PeekChar(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private bool At(string literal) => string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) == 0;

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _pos++;
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (_pos < _text.Length && (_text[_pos] == '\n' || IsWhitespace(_text[_pos])))
        {
            Advance();
        }
    }

    private string DescribeHere()
    {
        if (_pos >= _text.Length)
        {
            return "end of file";
        }

        char c = _text[_pos];
        return c == '\n' ? "newline" : char.IsControl(c) ? $"control character U+{(int)c:X4}" : $"'{c}'";
    }
}
