namespace NetHub.Configuration;

/// <summary>Values, value concatenation and arrays.</summary>
internal sealed partial class HoconParser
{
    private enum PieceKind
    {
        Text,
        Substitution,
        Object,
        Array,
        Space,
    }

    /// <summary>
    /// A value up to the first token that cannot continue it. <paramref name="fieldPath"/> is the absolute path
    /// of the field being assigned (null for array elements); <paramref name="containerDepth"/> is the nesting
    /// depth an object or array written here would have.
    /// </summary>
    private object ParseValue(string[]? fieldPath, string display, int containerDepth)
    {
        var pieces = new List<Piece>();
        string? pendingSpace = null;
        while (true)
        {
            HoconToken token = _lexer.Peek();
            if (token.Kind == HoconTokenKind.Whitespace)
            {
                _lexer.Next();
                if (pieces.Count > 0)
                {
                    pendingSpace += token.Text;
                }

                continue;
            }

            if (token.Kind is not (HoconTokenKind.QuotedString or HoconTokenKind.UnquotedText or HoconTokenKind.Substitution
                or HoconTokenKind.LeftBrace or HoconTokenKind.LeftBracket))
            {
                break;
            }

            if (pendingSpace is not null)
            {
                pieces.Add(new Piece(PieceKind.Space, token, null, null, pendingSpace));
                pendingSpace = null;
            }

            pieces.Add(ReadPiece(token, fieldPath, display, containerDepth));
        }

        if (pieces.Count == 0)
        {
            throw _lexer.Error(_lexer.Peek(), NullIfEmpty(display), "a value");
        }

        return Build(pieces, display);
    }

    private Piece ReadPiece(HoconToken token, string[]? fieldPath, string display, int containerDepth)
    {
        var origin = new ConfigOrigin(_lexer.Source, token.Line, token.Column);
        switch (token.Kind)
        {
            case HoconTokenKind.QuotedString:
                _lexer.Next();
                return new Piece(PieceKind.Text, token, new HoconScalar(HoconScalarKind.String, token.Text, origin), null, null);
            case HoconTokenKind.UnquotedText:
                _lexer.Next();
                return new Piece(PieceKind.Text, token, Interpret(token.Text, origin), null, null);
            case HoconTokenKind.Substitution:
                _lexer.Next();
                string[] path = [.. _prefix, .. token.Path!];
                int selfLength = fieldPath is not null && ConfigPath.StartsWith(path, fieldPath) ? fieldPath.Length : -1;
                var substitution = new HoconSubstitution(path, token.Optional, _prefix.Length, selfLength, NullIfEmpty(display), origin);
                return new Piece(PieceKind.Substitution, token, substitution, null, null);
            case HoconTokenKind.LeftBrace:
                _lexer.Next();
                var builder = new HoconObjectBuilder(origin);
                ParseBody(builder, fieldPath, display, containerDepth, token);
                return new Piece(PieceKind.Object, token, null, builder, null);
            default:
                _lexer.Next();
                return new Piece(PieceKind.Array, token, ParseArray(token, display, containerDepth), null, null);
        }
    }

    private HoconArray ParseArray(HoconToken open, string display, int depth)
    {
        CheckDepth(depth, open, display);
        var elements = new List<HoconValue>();
        while (true)
        {
            SkipBlank();
            HoconToken token = _lexer.Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.RightBracket:
                    _lexer.Next();
                    return new HoconArray(elements, new ConfigOrigin(_lexer.Source, open.Line, open.Column));
                case HoconTokenKind.End:
                    throw _lexer.Error(token, NullIfEmpty(display), $"']' to close the array opened at {open.Line}:{open.Column}");
                case HoconTokenKind.Comma:
                    throw _lexer.Error(token, NullIfEmpty(display), "a value or ']'");
            }

            elements.Add(HoconObjectBuilder.Freeze(ParseValue(null, $"{display}[{elements.Count}]", depth + 1)));
            if (!SkipSeparator(HoconTokenKind.RightBracket))
            {
                throw _lexer.Error(_lexer.Peek(), NullIfEmpty(display), "',', a newline or ']' after the array element");
            }
        }
    }

    /// <summary>
    /// One piece keeps its type; several are concatenated (HOCON spec, "Value concatenation"). Without
    /// substitutions the result is known now; with them it waits for the resolver.
    /// </summary>
    private object Build(List<Piece> pieces, string display)
    {
        var values = pieces.Where(p => p.Kind != PieceKind.Space).ToList();
        if (values.Count == 1)
        {
            return (object?)values[0].Object ?? values[0].Value!;
        }

        Piece? firstLiteral = null;
        foreach (Piece piece in values.Where(p => p.Kind != PieceKind.Substitution))
        {
            firstLiteral ??= piece;
            if (piece.Kind != firstLiteral.Kind)
            {
                throw _lexer.Error(piece.Token.Line, piece.Token.Column, NullIfEmpty(display),
                    "only strings, only arrays or only objects in a concatenation", $"{Name(piece.Kind)} after {Name(firstLiteral.Kind)}");
            }
        }

        var origin = new ConfigOrigin(_lexer.Source, values[0].Token.Line, values[0].Token.Column);
        if (values.Any(p => p.Kind == PieceKind.Substitution))
        {
            var parts = pieces.Select(p => p.Kind switch
            {
                PieceKind.Space => new HoconConcatPart(null, p.Space),
                PieceKind.Object => new HoconConcatPart(p.Object!.Freeze(), null),
                _ => new HoconConcatPart(p.Value, null),
            }).ToList();
            return new HoconConcat(parts, NullIfEmpty(display), origin);
        }

        switch (firstLiteral!.Kind)
        {
            case PieceKind.Object:
                HoconObjectBuilder merged = values[0].Object!;
                foreach (Piece piece in values.Skip(1))
                {
                    merged.MergeFrom(piece.Object!);
                }

                return merged;
            case PieceKind.Array:
                return new HoconArray(values.SelectMany(p => ((HoconArray)p.Value!).Elements).ToList(), origin);
            default:
                string text = string.Concat(pieces.Select(p => p.Kind == PieceKind.Space ? p.Space : ((HoconScalar)p.Value!).Text));
                return new HoconScalar(HoconScalarKind.String, text, origin);
        }
    }

    /// <summary>A lone unquoted token keeps its JSON type: true, false, null or a number.</summary>
    private static HoconScalar Interpret(string text, ConfigOrigin origin) => text switch
    {
        "true" or "false" => new HoconScalar(HoconScalarKind.Boolean, text, origin),
        "null" => HoconScalar.Null(origin),
        _ when ConfigNumbers.IsNumber(text) => new HoconScalar(HoconScalarKind.Number, text, origin),
        _ => new HoconScalar(HoconScalarKind.String, text, origin),
    };

    private static string Name(PieceKind kind) => kind switch
    {
        PieceKind.Object => "an object",
        PieceKind.Array => "an array",
        _ => "a string",
    };

    private sealed record Piece(PieceKind Kind, HoconToken Token, HoconValue? Value, HoconObjectBuilder? Object, string? Space);
}
