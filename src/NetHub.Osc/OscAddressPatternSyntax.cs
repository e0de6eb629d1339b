namespace NetHub.Osc;

/// <summary>
/// Checks an OSC address pattern against the grammar of OSC 1.0 "OSC Message Dispatching and Pattern Matching"
/// with the OSC 1.1 '//' path wildcard, without allocating. Names are printable ASCII other than space and
/// <c># * , / ? [ ] { }</c> (see <see cref="OscAddress"/>).
/// <code>
/// pattern = ( "/" part | "//" part )+             ; no empty part, no "///", no trailing "/" or "//"
/// part    = ( name-char | "?" | "*" | set | alt )+
/// set     = "[" "!"? ( name-char ( "-" name-char )? )+ "]"   ; '-' first or last is literal, ranges ascend
/// alt     = "{" name-char* ( "," name-char* )* "}"           ; at most MaxAlternatives, empty allowed
/// </code>
/// Wildcards are not allowed inside a set or an alternative: a set member or an alternative that contained one
/// could never match a valid method address, so it is reported as the mistake it almost always is.
/// </summary>
internal static class OscAddressPatternSyntax
{
    public static OscAddressPatternError Validate(ReadOnlySpan<char> pattern)
    {
        if (pattern.IsEmpty)
        {
            return Error(OscAddressPatternErrorKind.Empty, 0);
        }

        if (pattern.Length > OscAddressPattern.MaxLength)
        {
            return Error(OscAddressPatternErrorKind.TooLong, OscAddressPattern.MaxLength);
        }

        if (pattern[0] != '/')
        {
            return Error(OscAddressPatternErrorKind.MissingLeadingSlash, 0);
        }

        int i = 0;
        while (i < pattern.Length)
        {
            int slash = i++;
            if (i < pattern.Length && pattern[i] == '/')
            {
                i++;
                if (i < pattern.Length && pattern[i] == '/')
                {
                    return Error(OscAddressPatternErrorKind.TooManySlashes, slash);
                }

                if (i == pattern.Length)
                {
                    return Error(OscAddressPatternErrorKind.TrailingPathWildcard, slash);
                }
            }
            else if (i == pattern.Length)
            {
                return Error(OscAddressPatternErrorKind.EmptyPart, slash);
            }

            while (i < pattern.Length && pattern[i] != '/')
            {
                OscAddressPatternError error = pattern[i] switch
                {
                    '[' => Set(pattern, ref i),
                    '{' => Alternatives(pattern, ref i),
                    ']' => Error(OscAddressPatternErrorKind.UnmatchedBracket, i),
                    '}' => Error(OscAddressPatternErrorKind.UnmatchedBrace, i),
                    '?' or '*' => Advance(ref i),
                    char c when OscAddress.IsNameChar(c) => Advance(ref i),
                    _ => Error(OscAddressPatternErrorKind.InvalidCharacter, i),
                };
                if (error.Kind != OscAddressPatternErrorKind.None)
                {
                    return error;
                }
            }
        }

        return OscAddressPatternError.None;
    }

    /// <summary>Checks "[...]" starting at <paramref name="i"/>, leaving <paramref name="i"/> after the ']'.</summary>
    private static OscAddressPatternError Set(ReadOnlySpan<char> pattern, ref int i)
    {
        int open = i++;
        if (i < pattern.Length && pattern[i] == '!')
        {
            i++;
        }

        int members = 0;
        while (true)
        {
            if (i == pattern.Length || pattern[i] == '/')
            {
                return Error(OscAddressPatternErrorKind.UnclosedBracket, open);
            }

            char low = pattern[i];
            if (low == ']')
            {
                i++;
                return members > 0 ? OscAddressPatternError.None : Error(OscAddressPatternErrorKind.EmptyBracket, open);
            }

            if (!OscAddress.IsNameChar(low))
            {
                return Error(OscAddressPatternErrorKind.InvalidCharacterInBracket, i);
            }

            // "a-z" is a range unless the '-' is the last member ("[a-]" holds 'a' and '-').
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                char high = pattern[i + 2];
                if (!OscAddress.IsNameChar(high))
                {
                    return high == '/'
                        ? Error(OscAddressPatternErrorKind.UnclosedBracket, open)
                        : Error(OscAddressPatternErrorKind.InvalidCharacterInBracket, i + 2);
                }

                if (high < low)
                {
                    return Error(OscAddressPatternErrorKind.ReversedRange, i);
                }

                i += 3;
            }
            else
            {
                i++;
            }

            members++;
        }
    }

    /// <summary>Checks "{...}" starting at <paramref name="i"/>, leaving <paramref name="i"/> after the '}'.</summary>
    private static OscAddressPatternError Alternatives(ReadOnlySpan<char> pattern, ref int i)
    {
        int open = i++;
        int count = 1;
        while (true)
        {
            if (i == pattern.Length || pattern[i] == '/')
            {
                return Error(OscAddressPatternErrorKind.UnclosedBrace, open);
            }

            char c = pattern[i];
            if (c == '}')
            {
                i++;
                return OscAddressPatternError.None;
            }

            if (c == ',')
            {
                if (++count > OscAddressPattern.MaxAlternatives)
                {
                    return Error(OscAddressPatternErrorKind.TooManyAlternatives, i);
                }
            }
            else if (!OscAddress.IsNameChar(c))
            {
                return Error(OscAddressPatternErrorKind.InvalidCharacterInBrace, i);
            }

            i++;
        }
    }

    private static OscAddressPatternError Advance(ref int i)
    {
        i++;
        return OscAddressPatternError.None;
    }

    private static OscAddressPatternError Error(OscAddressPatternErrorKind kind, int position) => new(kind, position);
}
