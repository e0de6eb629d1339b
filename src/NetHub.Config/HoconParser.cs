using System.Runtime.CompilerServices;

namespace NetHub.Configuration;

/// <summary>
/// Recursive-descent parser for HOCON as specified in Lightbend's HOCON.md. Implements "Syntax" (comments,
/// omit root braces, key-value separator, commas, whitespace, duplicate keys and object merging, unquoted
/// strings, multi-line strings), "Value concatenation" (string, array and object), "Path expressions" and
/// "Paths as keys", "Substitutions" (parsed here, resolved later by <see cref="HoconResolver"/>),
/// "Self-Referential Substitutions" and "The += field separator", and "Includes" (plain, <c>file()</c>,
/// <c>required()</c>). Every object and array checks <see cref="ConfigParseOptions.MaxDepth"/> on entry, so
/// hostile input ends in a <see cref="ConfigParseException"/> rather than a stack overflow.
/// <code>
/// root    = ws* ( '{' body '}' | body ) ws* EOF
/// body    = ( field | include ) ( ( ',' | newline ) ( field | include ) )* ','?
/// field   = key ws* ( ( ':' | '=' | '+=' ) ws* value | object-value )
/// value   = piece ( ws* piece )*          ; piece: string, unquoted, ${path}, object, array
/// array   = '[' ( value ( ( ',' | newline ) value )* ','? )? ']'
/// </code>
/// </summary>
internal sealed partial class HoconParser
{
    private readonly HoconLexer _lexer;
    private readonly HoconIncluder _includer;
    private readonly string[] _prefix;
    private readonly int _baseDepth;
    private readonly int _maxDepth;

    /// <summary>
    /// <paramref name="prefix"/> is the path of the include point, which makes this file's substitutions
    /// absolute; <paramref name="baseDepth"/> is the nesting depth there.
    /// </summary>
    public HoconParser(HoconLexer lexer, HoconIncluder includer, string[] prefix, int baseDepth)
    {
        _lexer = lexer;
        _includer = includer;
        _prefix = prefix;
        _baseDepth = baseDepth;
        _maxDepth = includer.Options.MaxDepth;
    }

    public HoconObject ParseRoot()
    {
        SkipBlank();
        HoconToken first = _lexer.Peek();
        var root = new HoconObjectBuilder(new ConfigOrigin(_lexer.Source, first.Line, first.Column));
        if (first.Kind == HoconTokenKind.LeftBracket)
        {
            throw _lexer.Error(first, null, "an object at the root of the file");
        }

        string display = ConfigPath.Render(_prefix);
        if (first.Kind != HoconTokenKind.LeftBrace)
        {
            ParseBody(root, _prefix, display, _baseDepth, null);
            return root.Freeze();
        }

        _lexer.Next();
        ParseBody(root, _prefix, display, _baseDepth, first);
        SkipBlank();
        HoconToken end = _lexer.Peek();
        if (end.Kind != HoconTokenKind.End)
        {
            throw _lexer.Error(end, null, "end of file after the closing '}' of the root object");
        }

        return root.Freeze();
    }

    /// <summary>
    /// Fields of an object up to its closing brace, or up to end of file for the unbraced root.
    /// <paramref name="path"/> is the object's absolute path, null inside arrays where fields have no path;
    /// <paramref name="display"/> is the path shown in error messages.
    /// </summary>
    private void ParseBody(HoconObjectBuilder target, string[]? path, string display, int depth, HoconToken? open)
    {
        CheckDepth(depth, open ?? _lexer.Peek(), display);
        while (true)
        {
            SkipBlank();
            HoconToken token = _lexer.Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.RightBrace when open is not null:
                    _lexer.Next();
                    return;
                case HoconTokenKind.RightBrace:
                    throw _lexer.Error(token, null, "a key or end of file ('}' without a matching '{')");
                case HoconTokenKind.End when open is not null:
                    throw _lexer.Error(token, NullIfEmpty(display), $"'}}' to close the object opened at {open.Line}:{open.Column}");
                case HoconTokenKind.End:
                    return;
                case HoconTokenKind.UnquotedText when token.Text == "include":
                    _lexer.Next();
                    ParseInclude(target, path, display, depth, token);
                    break;
                default:
                    ParseField(target, path, display, depth);
                    break;
            }

            if (!SkipSeparator(HoconTokenKind.RightBrace))
            {
                throw _lexer.Error(_lexer.Peek(), NullIfEmpty(display), open is null ? "',' or a newline after the field" : "',', a newline or '}' after the field");
            }
        }
    }

    private void ParseField(HoconObjectBuilder target, string[]? objectPath, string display, int depth)
    {
        HoconToken keyStart = _lexer.Peek();
        var pieces = new List<HoconToken>();
        while (_lexer.Peek().Kind is HoconTokenKind.UnquotedText or HoconTokenKind.QuotedString or HoconTokenKind.Whitespace)
        {
            pieces.Add(_lexer.Next());
        }

        if (pieces.Count == 0)
        {
            throw _lexer.Error(keyStart, NullIfEmpty(display), keyStart.Kind == HoconTokenKind.Substitution ? "a key (substitutions are not allowed in keys)" : "a key");
        }

        string[] key = ConfigPath.FromPieces(pieces)
            ?? throw _lexer.Error(keyStart.Line, keyStart.Column, NullIfEmpty(display), "a key such as a.b (an empty key element must be quoted)", "'" + string.Concat(pieces.Select(p => p.Text)).Trim() + "'");
        string fieldDisplay = ConfigPath.Join(display, ConfigPath.Render(key));
        string[]? fieldPath = objectPath is null ? null : [.. objectPath, .. key];
        CheckDepth(depth + key.Length - 1, keyStart, fieldDisplay);
        int containerDepth = depth + key.Length;
        var keyOrigin = new ConfigOrigin(_lexer.Source, keyStart.Line, keyStart.Column);

        object value;
        try
        {
            HoconToken separator = _lexer.Peek();
            switch (separator.Kind)
            {
                case HoconTokenKind.Colon or HoconTokenKind.Equals:
                    _lexer.Next();
                    SkipBlank();
                    value = ParseValue(fieldPath, fieldDisplay, containerDepth);
                    break;
                case HoconTokenKind.PlusEquals:
                    _lexer.Next();
                    SkipBlank();
                    value = Append(fieldPath, fieldDisplay, containerDepth, separator);
                    break;
                case HoconTokenKind.LeftBrace:
                    value = ParseValue(fieldPath, fieldDisplay, containerDepth);
                    break;
                default:
                    throw _lexer.Error(separator, fieldDisplay, "':', '=' or '{' after the key");
            }
        }
        catch (ConfigParseException e) when (e.KeyPath is null && e.Origin?.Source == _lexer.Source)
        {
            // The lexer does not know which field it is in; a technician does want to know.
            throw new ConfigParseException(e.Origin, fieldDisplay, e.Expected, e.Got, e.Detail);
        }

        target.Set(key, value, keyOrigin);
    }

    /// <summary><c>a += v</c> means <c>a = ${?a} [v]</c> (HOCON spec, "The += field separator").</summary>
    private HoconConcat Append(string[]? fieldPath, string display, int depth, HoconToken at)
    {
        if (fieldPath is null)
        {
            throw _lexer.Error(at, display, "'=' or ':' (+= needs a field with a path, not one inside an array)");
        }

        var origin = new ConfigOrigin(_lexer.Source, at.Line, at.Column);
        HoconValue element = HoconObjectBuilder.Freeze(ParseValue(null, display, depth + 1));
        var previous = new HoconSubstitution(fieldPath, optional: true, _prefix.Length, fieldPath.Length, display, origin);
        return new HoconConcat([new HoconConcatPart(previous, null), new HoconConcatPart(new HoconArray([element], origin), null)], display, origin);
    }

    private void ParseInclude(HoconObjectBuilder target, string[]? path, string display, int depth, HoconToken keyword)
    {
        (string name, bool required) = _lexer.ReadIncludeSpec();
        var origin = new ConfigOrigin(_lexer.Source, keyword.Line, keyword.Column);
        HoconObject? included = _includer.Include(_lexer.Source, name, required, origin, path ?? [], depth, NullIfEmpty(display));
        if (included is not null)
        {
            target.MergeFrom(HoconObjectBuilder.Thaw(included));
        }
    }

    /// <summary>
    /// After a field or element: whitespace, then a comma and/or newlines, or the closing token.
    /// Returns false when none of these follows.
    /// </summary>
    private bool SkipSeparator(HoconTokenKind close)
    {
        bool sawNewline = false;
        while (_lexer.Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            sawNewline |= _lexer.Next().Kind == HoconTokenKind.Newline;
        }

        HoconTokenKind next = _lexer.Peek().Kind;
        if (next == HoconTokenKind.Comma)
        {
            _lexer.Next();
            SkipBlank();
            if (_lexer.Peek().Kind == HoconTokenKind.Comma)
            {
                throw _lexer.Error(_lexer.Peek(), null, "a value or key after ',' (two commas in a row)");
            }

            return true;
        }

        return sawNewline || next == close || next == HoconTokenKind.End;
    }

    private void SkipBlank()
    {
        while (_lexer.Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            _lexer.Next();
        }
    }

    private void CheckDepth(int depth, HoconToken at, string display)
    {
        if (depth > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw _lexer.Error(at.Line, at.Column, NullIfEmpty(display), $"at most {_maxDepth} levels of nesting", "deeper nesting");
        }
    }

    private static string? NullIfEmpty(string display) => display.Length == 0 ? null : display;
}
