using System.Buffers;
using System.Globalization;

namespace NetHub.Osc;

/// <summary>
/// Checks OSC method addresses and address patterns (OSC 1.0 "OSC Address Spaces and OSC Addresses", OSC 1.1
/// '//' path wildcard). A method address starts with '/', has no empty part, and its parts hold printable
/// ASCII other than space and <c># * , / ? [ ] { }</c>. Positions in messages count characters from 0.
/// </summary>
public static class OscAddress
{
    /// <summary>The characters the OSC 1.0 specification excludes from method and container names.</summary>
    internal const string ReservedCharacters = " #*,/?[]{}";

    /// <summary>Characters allowed in a method or container name.</summary>
    internal static readonly SearchValues<char> NameChars = SearchValues.Create(NameAlphabet(withSlash: false));

    /// <summary>Characters allowed anywhere in a method address: names and the '/' separator.</summary>
    internal static readonly SearchValues<char> AddressChars = SearchValues.Create(NameAlphabet(withSlash: true));

    public static bool IsValidAddress(ReadOnlySpan<char> address) =>
        address.Length >= 2
        && address[0] == '/'
        && address[^1] != '/'
        && !address.ContainsAnyExcept(AddressChars)
        && !address.Contains("//", StringComparison.Ordinal);

    /// <summary>True when <see cref="OscAddressPattern.Parse"/> would accept <paramref name="pattern"/>; allocates nothing.</summary>
    public static bool IsValidPattern(ReadOnlySpan<char> pattern) =>
        OscAddressPatternSyntax.Validate(pattern).Kind == OscAddressPatternErrorKind.None;

    /// <summary>
    /// Null when <paramref name="address"/> is a valid method address; otherwise one line naming the first
    /// problem and its position, e.g. "space at position 7 is not allowed in an OSC address".
    /// </summary>
    public static string? Explain(ReadOnlySpan<char> address)
    {
        IFormatProvider c = CultureInfo.InvariantCulture;
        if (address.IsEmpty)
        {
            return "an OSC address must not be empty; it starts with '/'";
        }

        if (address[0] != '/')
        {
            return string.Format(c, "an OSC address must start with '/', but position 0 holds {0}", Describe(address[0]));
        }

        for (int i = 1; i < address.Length; i++)
        {
            char ch = address[i];
            if (ch == '/')
            {
                if (address[i - 1] == '/')
                {
                    return string.Format(c, "empty part at position {0}: '//' is the OSC 1.1 path wildcard, allowed in patterns but not in an OSC address", i);
                }

                continue;
            }

            if (!IsNameChar(ch))
            {
                string why = ch is '*' or '?' or '[' or ']' or '{' or '}' ? " (it is pattern syntax)" : string.Empty;
                return string.Format(c, "{0} at position {1} is not allowed in an OSC address{2}", Describe(ch), i, why);
            }
        }

        if (address[^1] == '/')
        {
            return address.Length == 1
                ? "'/' alone is not an OSC address: it needs at least one part after the '/'"
                : string.Format(c, "empty part at position {0}: an OSC address must not end with '/'", address.Length - 1);
        }

        return null;
    }

    internal static bool IsNameChar(char c) => c is > ' ' and < (char)0x7F && !ReservedCharacters.Contains(c, StringComparison.Ordinal);

    /// <summary>A character as a technician reads it in an error line: 'x', space, U+0009.</summary>
    internal static string Describe(char c) => c switch
    {
        ' ' => "space",
        < ' ' or (char)0x7F => string.Format(CultureInfo.InvariantCulture, "control character U+{0:X4}", (int)c),
        > (char)0x7F => string.Format(CultureInfo.InvariantCulture, "non-ASCII character U+{0:X4}", (int)c),
        _ => "'" + c + "'",
    };

    private static string NameAlphabet(bool withSlash)
    {
        var chars = new List<char>();
        for (char c = '!'; c < (char)0x7F; c++)
        {
            if (IsNameChar(c) || (withSlash && c == '/'))
            {
                chars.Add(c);
            }
        }

        return new string(chars.ToArray());
    }
}
