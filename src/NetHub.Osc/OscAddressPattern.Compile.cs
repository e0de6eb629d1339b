using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetHub.Osc;

/// <summary>Turns a validated pattern into the segments and elements the matcher runs.</summary>
public sealed partial class OscAddressPattern
{
    /// <summary>Every ASCII character but '/': what '?' and '*' accept.</summary>
    private const ulong WildLow = ~(1UL << '/');
    private const ulong WildHigh = ulong.MaxValue;

    /// <summary>Characters that open a wildcard element; the literal prefix ends at the first of them.</summary>
    private static readonly SearchValues<char> WildcardOpeners = SearchValues.Create("?*[{");

    /// <summary>Characters that close a wildcard element; the literal suffix starts after the last of them.</summary>
    private static readonly SearchValues<char> WildcardClosers = SearchValues.Create("?*]}");

    private readonly OscAddressPatternToken[] _tokens;
    private readonly OscAddressPatternAlternatives[] _alternatives;

    // The literal text before the first wildcard and after the last one, checked with vectorized compares
    // before anything else. Without '//', _middle holds the text between them cut at each '/', and
    // _wildcardParts the parts TryMatch captures.
    private readonly string _prefix = string.Empty;
    private readonly string _suffix = string.Empty;
    private readonly OscAddressPatternSegment[] _middle = [];
    private readonly int[] _wildcardParts = [];

    // The shortest address that could match, and up to eight characters at each end that every match starts
    // and ends with (those of the prefix and suffix, or of the whole pattern when literal), masked where
    // shorter, one pair per encoding: most misses cost two vector compares, and a prefix or suffix of at most
    // eight characters needs no other check.
    private readonly int _minLength;
    private readonly Vector128<ushort> _head;
    private readonly Vector128<ushort> _headMask;
    private readonly Vector128<ushort> _tail;
    private readonly Vector128<ushort> _tailMask;
    private readonly ulong _headUtf8;
    private readonly ulong _headMaskUtf8;
    private readonly ulong _tailUtf8;
    private readonly ulong _tailMaskUtf8;

    // With '//': one segment per part and per '//', matched part by part.
    private readonly OscAddressPatternSegment[] _path = [];

    /// <summary>Compiles a pattern that <see cref="OscAddressPatternSyntax.Validate"/> accepted.</summary>
    private OscAddressPattern(string pattern)
    {
        Pattern = pattern;
        HasPathWildcard = pattern.Contains("//", StringComparison.Ordinal);
        int firstWildcard = pattern.AsSpan().IndexOfAny(WildcardOpeners);
        IsLiteral = !HasPathWildcard && firstWildcard < 0;
        FirstChar = OscAddress.IsNameChar(pattern[1]) ? pattern[1] : '\0';
        SlashCount = pattern.AsSpan().Count('/');

        var tokens = new List<OscAddressPatternToken>();
        var alternatives = new List<OscAddressPatternAlternatives>();
        if (HasPathWildcard)
        {
            // The text before the first wildcard, and after the last one, is literal here too; a '//' ends
            // the prefix after its first '/' and starts the suffix at its second, the '/' it keeps when it
            // crosses no part (so prefix and suffix may share that one character of the address).
            int firstPath = pattern.IndexOf("//", StringComparison.Ordinal);
            int lastPath = pattern.LastIndexOf("//", StringComparison.Ordinal);
            _prefix = pattern[..(firstWildcard < 0 ? firstPath + 1 : Math.Min(firstWildcard, firstPath + 1))];
            _suffix = pattern[Math.Max(pattern.AsSpan().LastIndexOfAny(WildcardClosers) + 1, lastPath + 1)..];
            _path = CompilePath(pattern, tokens, alternatives);
            CaptureCount = _path.Count(segment => segment.Captures);
        }
        else if (!IsLiteral)
        {
            int end = pattern.AsSpan().LastIndexOfAny(WildcardClosers) + 1;
            _prefix = pattern[..firstWildcard];
            _suffix = pattern[end..];
            _middle = CompileSegments(pattern.AsSpan(firstWildcard, end - firstWildcard), tokens, alternatives);
            _wildcardParts = WildcardParts(pattern);
            CaptureCount = _wildcardParts.Length;
        }

        _tokens = [.. tokens];
        _alternatives = [.. alternatives];
        _minLength = IsLiteral ? pattern.Length : _prefix.Length + _suffix.Length - (HasPathWildcard ? 1 : 0);
        (_head, _headMask, _headUtf8, _headMaskUtf8) = Anchor(IsLiteral ? pattern : _prefix, atEnd: false);
        (_tail, _tailMask, _tailUtf8, _tailMaskUtf8) = Anchor(IsLiteral ? pattern : _suffix, atEnd: true);
    }

    /// <summary>
    /// The first (or last) eight characters of <paramref name="text"/> laid out as an address of either encoding
    /// reads them at its start (or end), with masks that ignore the lanes <paramref name="text"/> does not fill.
    /// </summary>
    private static (Vector128<ushort> Chars, Vector128<ushort> CharMask, ulong Bytes, ulong ByteMask) Anchor(string text, bool atEnd)
    {
        Span<ushort> chars = stackalloc ushort[8];
        Span<ushort> charMask = stackalloc ushort[8];
        Span<byte> bytes = stackalloc byte[8];
        Span<byte> byteMask = stackalloc byte[8];
        int count = Math.Min(8, text.Length);
        for (int i = 0; i < count; i++)
        {
            int lane = atEnd ? 8 - count + i : i;
            char c = atEnd ? text[text.Length - count + i] : text[i];
            chars[lane] = c;
            charMask[lane] = ushort.MaxValue;
            bytes[lane] = (byte)c;
            byteMask[lane] = byte.MaxValue;
        }

        return (Vector128.Create<ushort>(chars), Vector128.Create<ushort>(charMask), MemoryMarshal.Read<ulong>(bytes), MemoryMarshal.Read<ulong>(byteMask));
    }

    private static OscAddressPatternSegment[] CompilePath(string pattern, List<OscAddressPatternToken> tokens, List<OscAddressPatternAlternatives> alternatives)
    {
        var path = new List<OscAddressPatternSegment>();
        int i = 0;
        while (i < pattern.Length)
        {
            i++;
            if (pattern[i] == '/')
            {
                path.Add(new OscAddressPatternSegment(OscAddressPatternSegmentKind.PathWildcard, 0, 0, string.Empty));
                i++;
            }

            int end = pattern.IndexOf('/', i);
            end = end < 0 ? pattern.Length : end;
            path.Add(CompileSegment(pattern.AsSpan(i, end - i), tokens, alternatives));
            i = end;
        }

        return [.. path];
    }

    /// <summary>One segment per '/'-separated piece of <paramref name="text"/>, which holds no '//'.</summary>
    private static OscAddressPatternSegment[] CompileSegments(ReadOnlySpan<char> text, List<OscAddressPatternToken> tokens, List<OscAddressPatternAlternatives> alternatives)
    {
        var segments = new List<OscAddressPatternSegment>();
        foreach (Range piece in text.Split('/'))
        {
            segments.Add(CompileSegment(text[piece], tokens, alternatives));
        }

        return [.. segments];
    }

    private static int[] WildcardParts(string pattern)
    {
        var parts = new List<int>();
        string[] names = pattern[1..].Split('/');
        for (int part = 0; part < names.Length; part++)
        {
            if (names[part].AsSpan().ContainsAny(WildcardOpeners))
            {
                parts.Add(part);
            }
        }

        return [.. parts];
    }

    /// <summary>Compiles the pattern text of one part, or of the piece of a part next to a literal prefix or suffix.</summary>
    private static OscAddressPatternSegment CompileSegment(ReadOnlySpan<char> text, List<OscAddressPatternToken> tokens, List<OscAddressPatternAlternatives> alternatives)
    {
        int start = tokens.Count;
        bool wildcard = false;
        bool choice = false;
        bool onlyStars = true;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            switch (c)
            {
                case '*':
                    // "**" is "*"; keeping one keeps the greedy matcher's single backtrack point meaningful.
                    if (tokens.Count == start || tokens[^1].Kind != OscAddressPatternTokenKind.Star)
                    {
                        tokens.Add(OscAddressPatternToken.Star);
                    }

                    i++;
                    break;
                case '?':
                    tokens.Add(OscAddressPatternToken.Set(WildLow, WildHigh));
                    i++;
                    break;
                case '[':
                    tokens.Add(CompileSet(text, ref i));
                    break;
                case '{':
                    int close = text[i..].IndexOf('}') + i;
                    alternatives.Add(new OscAddressPatternAlternatives(text[(i + 1)..close].ToString().Split(',')));
                    tokens.Add(OscAddressPatternToken.Choice(alternatives.Count - 1));
                    choice = true;
                    i = close + 1;
                    break;
                default:
                    tokens.Add(Literal(c));
                    i++;
                    break;
            }

            wildcard |= c is '*' or '?' or '[' or '{';
            onlyStars &= c == '*';
        }

        int count = tokens.Count - start;
        OscAddressPatternSegmentKind kind = !wildcard ? OscAddressPatternSegmentKind.Literal
            : onlyStars ? OscAddressPatternSegmentKind.Star
            : choice && count == 1 ? OscAddressPatternSegmentKind.Choice
            : choice ? OscAddressPatternSegmentKind.Positions
            : OscAddressPatternSegmentKind.Greedy;
        return new OscAddressPatternSegment(kind, start, count, wildcard ? string.Empty : text.ToString());
    }

    /// <summary>Compiles "[...]" at <paramref name="i"/> into a mask, leaving <paramref name="i"/> after the ']'.</summary>
    private static OscAddressPatternToken CompileSet(ReadOnlySpan<char> text, ref int i)
    {
        i++;
        bool negate = text[i] == '!';
        if (negate)
        {
            i++;
        }

        ulong low = 0;
        ulong high = 0;
        while (text[i] != ']')
        {
            char first = text[i];
            char last = first;
            if (text[i + 1] == '-' && text[i + 2] != ']')
            {
                last = text[i + 2];
                i += 2;
            }

            for (char c = first; c <= last; c++)
            {
                AddBit(ref low, ref high, c);
            }

            i++;
        }

        i++;
        return negate ? OscAddressPatternToken.Set(WildLow & ~low, WildHigh & ~high) : OscAddressPatternToken.Set(low, high);
    }

    private static OscAddressPatternToken Literal(char c)
    {
        ulong low = 0;
        ulong high = 0;
        AddBit(ref low, ref high, c);
        return OscAddressPatternToken.Set(low, high);
    }

    private static void AddBit(ref ulong low, ref ulong high, char c)
    {
        if (c < 64)
        {
            low |= 1UL << c;
        }
        else
        {
            high |= 1UL << (c - 64);
        }
    }
}
