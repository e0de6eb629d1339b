using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace NetHub.Osc;

/// <summary>
/// Matching (OSC 1.0 "OSC Message Dispatching and Pattern Matching", OSC 1.1 '//'). Every algorithm here is
/// bounded by a polynomial in the pattern and address lengths: no recursion, no exponential backtracking.
/// </summary>
public sealed partial class OscAddressPattern
{
    /// <summary>Addresses up to this length are transcoded from UTF-8 or tracked on the stack, longer ones in pooled arrays.</summary>
    private const int StackLimit = 256;

    /// <summary>What '*' may run over: ASCII other than '/'.</summary>
    private static readonly SearchValues<char> StarChars = SearchValues.Create(StarAlphabet());

    public bool IsMatch(ReadOnlySpan<char> address)
    {
        if (address.Length < _minLength)
        {
            return false;
        }

        bool anchored = address.Length >= 8;
        if (anchored)
        {
            ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(address);
            if ((MemoryMarshal.Read<Vector128<ushort>>(bytes) & _headMask) != _head
                || (MemoryMarshal.Read<Vector128<ushort>>(bytes[^16..]) & _tailMask) != _tail)
            {
                return false;
            }
        }

        if (IsLiteral)
        {
            return address.SequenceEqual(Pattern);
        }

        if (((!anchored || _prefix.Length > 8) && !address.StartsWith(_prefix))
            || ((!anchored || _suffix.Length > 8) && !address.EndsWith(_suffix)))
        {
            return false;
        }

        return HasPathWildcard ? MatchPath(address, default) : MatchMiddle(address[_prefix.Length..^_suffix.Length]);
    }

    /// <summary>
    /// Matches a UTF-8 address as read off the wire; any byte of 0x80 or above makes it a miss. The literal
    /// prefix and suffix are compared as bytes, so only an address that passes them is widened to UTF-16.
    /// </summary>
    public bool IsMatch(ReadOnlySpan<byte> utf8Address)
    {
        if (utf8Address.Length < _minLength)
        {
            return false;
        }

        if (utf8Address.Length >= 8
            && ((MemoryMarshal.Read<ulong>(utf8Address) & _headMaskUtf8) != _headUtf8
                || (MemoryMarshal.Read<ulong>(utf8Address[^8..]) & _tailMaskUtf8) != _tailUtf8))
        {
            return false;
        }

        if (IsLiteral)
        {
            return Ascii.Equals(utf8Address, Pattern);
        }

        // With '//' the prefix and suffix may overlap by one character, so each needs its own length check.
        if (utf8Address.Length < _prefix.Length
            || utf8Address.Length < _suffix.Length
            || !Ascii.Equals(utf8Address[.._prefix.Length], _prefix)
            || !Ascii.Equals(utf8Address[^_suffix.Length..], _suffix))
        {
            return false;
        }

        return MatchUtf8(HasPathWildcard ? utf8Address : utf8Address[_prefix.Length..^_suffix.Length]);
    }

    /// <summary>Widens ASCII <paramref name="utf8"/> and runs the path matcher on it, or without '//' the middle segments.</summary>
    private bool MatchUtf8(ReadOnlySpan<byte> utf8)
    {
        char[]? rented = null;
        Span<char> chars = utf8.Length <= StackLimit
            ? stackalloc char[utf8.Length]
            : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            if (Ascii.ToUtf16(utf8, chars, out int written) != OperationStatus.Done)
            {
                return false;
            }

            return HasPathWildcard ? MatchPath(chars[..written], default) : MatchMiddle(chars[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The address between the literal prefix and suffix of a pattern without '//': as many '/' as the pattern
    /// has there, and each piece between them matched by its segment. A segment never matches a '/', so the
    /// last one needs no check that its piece holds none.
    /// </summary>
    private bool MatchMiddle(ReadOnlySpan<char> text)
    {
        OscAddressPatternSegment[] segments = _middle;
        int last = segments.Length - 1;
        for (int i = 0; i < last; i++)
        {
            int slash = text.IndexOf('/');
            if (slash < 0 || !MatchSegment(segments[i], text[..slash]))
            {
                return false;
            }

            text = text[(slash + 1)..];
        }

        return MatchSegment(segments[last], text);
    }

    private bool MatchSegment(in OscAddressPatternSegment segment, ReadOnlySpan<char> text) => segment.Kind switch
    {
        OscAddressPatternSegmentKind.Literal => text.SequenceEqual(segment.Literal),
        OscAddressPatternSegmentKind.Star => IsStarRun(text),
        OscAddressPatternSegmentKind.Choice => _alternatives[_tokens[segment.TokenStart].Alternatives].IsMatch(text),
        OscAddressPatternSegmentKind.Greedy => MatchGreedy(_tokens.AsSpan(segment.TokenStart, segment.TokenCount), text),
        _ => MatchPositions(_tokens.AsSpan(segment.TokenStart, segment.TokenCount), text),
    };

    /// <summary>
    /// Fixed-width elements and stars. On a mismatch only the latest star takes one more character; earlier
    /// stars never need to, because every other element has width one and a star never crosses '/' (the
    /// classic argument that the leftmost fit of the text between two stars is always good enough).
    /// O(text × elements).
    /// </summary>
    private static bool MatchGreedy(ReadOnlySpan<OscAddressPatternToken> tokens, ReadOnlySpan<char> text)
    {
        int p = 0;
        int t = 0;
        int star = -1;
        int starText = 0;
        while (t < text.Length)
        {
            if (p < tokens.Length)
            {
                ref readonly OscAddressPatternToken token = ref tokens[p];
                if (token.Kind == OscAddressPatternTokenKind.Star)
                {
                    star = ++p;
                    starText = t;
                    continue;
                }

                if (token.Matches(text[t]))
                {
                    p++;
                    t++;
                    continue;
                }
            }

            if (star < 0 || !IsStarChar(text[starText]))
            {
                return false;
            }

            t = ++starText;
            p = star;
        }

        while (p < tokens.Length && tokens[p].Kind == OscAddressPatternTokenKind.Star)
        {
            p++;
        }

        return p == tokens.Length;
    }

    private static bool IsStarChar(char c) => c < 128 && c != '/';

    /// <summary>Whether '*' can cover all of <paramref name="text"/>; parts are short, so a loop beats a vector search below 16.</summary>
    private static bool IsStarRun(ReadOnlySpan<char> text)
    {
        if (text.Length > 16)
        {
            return !text.ContainsAnyExcept(StarChars);
        }

        foreach (char c in text)
        {
            if (!IsStarChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string StarAlphabet()
    {
        var chars = new char[127];
        for (int c = 0, i = 0; c < 128; c++)
        {
            if (c != '/')
            {
                chars[i++] = (char)c;
            }
        }

        return new string(chars);
    }
}
