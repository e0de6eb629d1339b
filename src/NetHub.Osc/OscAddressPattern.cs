using System.Diagnostics.CodeAnalysis;

namespace NetHub.Osc;

/// <summary>
/// A parsed OSC address pattern (OSC 1.0 "OSC Message Dispatching and Pattern Matching", plus the OSC 1.1 '//'
/// path wildcard). Parts are the text between '/'; without '//' a pattern matches an address with the same
/// number of parts when each part matches. Within a part '?' is one character, '*' zero or more characters
/// (never '/'), "[a-z]" / "[!0-9]" one character in / not in a set, "{foo,bar}" one of the strings, and anything
/// else itself. '//' matches zero or more whole parts, so "//spherical" matches "/spherical" and
/// "/position/spherical". Wildcards match ASCII only; a non-ASCII character in an address never matches.
/// <para>
/// Matching allocates nothing and takes time polynomial in the lengths (see <see cref="OscAddressPatternSegmentKind"/>),
/// so hostile patterns such as "/*a*a*a*a*b" cannot make it backtrack exponentially. Instances are immutable and
/// safe to share between threads.
/// </para>
/// </summary>
public sealed partial class OscAddressPattern : IEquatable<OscAddressPattern>
{
    /// <summary>Longest pattern accepted, in characters; it bounds the work of one match.</summary>
    public const int MaxLength = 1024;

    /// <summary>Most alternatives accepted in one "{...}" group.</summary>
    public const int MaxAlternatives = 128;

    public string Pattern { get; }

    /// <summary>No wildcard at all: the pattern is a method address and matching is ordinal equality.</summary>
    public bool IsLiteral { get; }

    /// <summary>Contains the OSC 1.1 '//' path wildcard.</summary>
    public bool HasPathWildcard { get; }

    /// <summary>
    /// How many ranges <see cref="TryMatch"/> reports on a match: one per part that contains a wildcard and one
    /// per '//'.
    /// </summary>
    public int CaptureCount { get; }

    /// <summary>Number of '/' in the pattern, which equals that of every address it matches when it has no '//'.</summary>
    internal int SlashCount { get; }

    /// <summary>The first character of the first part when it is a literal, otherwise '\0'.</summary>
    internal char FirstChar { get; }

    /// <summary>Parses <paramref name="pattern"/>; <see cref="FormatException"/> names the problem and its position.</summary>
    public static OscAddressPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        OscAddressPatternError error = OscAddressPatternSyntax.Validate(pattern);
        if (error.Kind != OscAddressPatternErrorKind.None)
        {
            throw new FormatException(FormatError(pattern, error));
        }

        return new OscAddressPattern(pattern);
    }

    /// <summary>Parses <paramref name="pattern"/>; on failure <paramref name="error"/> names the problem and its position.</summary>
    public static bool TryParse(string pattern, [NotNullWhen(true)] out OscAddressPattern? result, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        OscAddressPatternError problem = OscAddressPatternSyntax.Validate(pattern);
        if (problem.Kind != OscAddressPatternErrorKind.None)
        {
            result = null;
            error = problem.Describe(pattern);
            return false;
        }

        result = new OscAddressPattern(pattern);
        error = null;
        return true;
    }

    public bool Equals(OscAddressPattern? other) => other is not null && string.Equals(Pattern, other.Pattern, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as OscAddressPattern);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Pattern);

    public override string ToString() => Pattern;

    private static string FormatError(string pattern, OscAddressPatternError error)
    {
        // A pattern rejected for its length is not worth echoing whole.
        string shown = pattern.Length <= 80 ? pattern : string.Concat(pattern.AsSpan(0, 77), "...");
        return $"Invalid OSC address pattern \"{shown}\": {error.Describe(pattern)}.";
    }
}
