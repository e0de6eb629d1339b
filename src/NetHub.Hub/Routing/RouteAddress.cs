using System.Diagnostics.CodeAnalysis;
using System.Text;
using NetHub.Osc;

namespace NetHub.Hub.Routing;

/// <summary>
/// A route's <c>address</c>: an OSC address pattern in which a part may name what it captures, as in
/// <c>/fader/{n}</c> or TouchOSC's <c>/1/fader{n}</c>. A named capture (<c>{</c> a name <c>}</c>, no comma) matches like
/// <c>*</c> and captures the part without its plain prefix and suffix, so <c>/1/fader3</c> gives n = "3". Every part
/// with a wildcard, and every <c>//</c>, is also captured by position: <c>{1}</c>, <c>{2}</c>... (the whole part).
/// <c>{a,b}</c> with a comma keeps its OSC meaning (one of the alternatives).
/// </summary>
public sealed class RouteAddress
{
    private static readonly System.Buffers.SearchValues<char> Wildcards = System.Buffers.SearchValues.Create("?*[]{}");
    private readonly Capture[] _captures;

    private RouteAddress(string text, OscAddressPattern pattern, Capture[] captures)
    {
        Text = text;
        Pattern = pattern;
        _captures = captures;
        Names = [.. captures.Select((c, i) => c.Name ?? string.Empty).Where(n => n.Length > 0)
            .Concat(Enumerable.Range(1, captures.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>As written in the configuration.</summary>
    public string Text { get; }

    /// <summary>The OSC pattern it matches with (named captures replaced by <c>*</c>).</summary>
    public OscAddressPattern Pattern { get; }

    /// <summary>Every name a template may use: the named captures, then "1".."N".</summary>
    public IReadOnlyList<string> Names { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out RouteAddress? address, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        if (!text.StartsWith('/'))
        {
            error = "an address pattern starts with '/'";
            return false;
        }

        var pattern = new StringBuilder(text.Length);
        var captures = new List<Capture>();
        string[] parts = text[1..].Split('/');
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            pattern.Append('/');
            if (part.Length == 0)
            {
                // An empty part is the OSC 1.1 '//' (or a trailing '/', which the pattern parser refuses).
                captures.Add(new Capture(null, 0, 0));
                continue;
            }

            if (!TryNamedCapture(part, out string? name, out int prefix, out int suffix, out string? problem))
            {
                error = problem;
                return false;
            }

            if (name is not null)
            {
                pattern.Append(part.AsSpan(0, prefix)).Append('*').Append(part.AsSpan(part.Length - suffix));
                captures.Add(new Capture(name, prefix, suffix));
            }
            else
            {
                pattern.Append(part);
                if (part.AsSpan().IndexOfAny(Wildcards) >= 0)
                {
                    captures.Add(new Capture(null, 0, 0));
                }
            }
        }

        string osc = pattern.ToString();
        if (!OscAddressPattern.TryParse(osc, out OscAddressPattern? parsed, out error))
        {
            return false;
        }

        if (parsed.CaptureCount != captures.Count)
        {
            // Only reachable with '//' at the very end, which OSC forbids as well.
            error = "a pattern cannot end with '/'";
            return false;
        }

        string? duplicate = captures.Where(c => c.Name is not null).GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            error = $"the capture {{{duplicate}}} is named twice";
            return false;
        }

        address = new RouteAddress(text, parsed, [.. captures]);
        error = null;
        return true;
    }

    /// <summary>Matches <paramref name="address"/>; on a match fills <paramref name="values"/> (when given) with every capture by name and by position.</summary>
    public bool TryMatch(string address, Dictionary<string, string>? values)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (values is null || _captures.Length == 0)
        {
            return Pattern.IsMatch(address);
        }

        Span<Range> ranges = stackalloc Range[_captures.Length];
        if (!Pattern.TryMatch(address, ranges, out int count))
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            string whole = address[ranges[i]];
            values[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = whole;
            Capture capture = _captures[i];
            if (capture.Name is not null)
            {
                values[capture.Name] = whole[capture.Prefix..(whole.Length - capture.Suffix)];
            }
        }

        return true;
    }

    public override string ToString() => Text;

    private static bool TryNamedCapture(string part, out string? name, out int prefix, out int suffix, [NotNullWhen(false)] out string? error)
    {
        name = null;
        prefix = suffix = 0;
        error = null;
        int open = part.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return true;
        }

        int close = part.IndexOf('}', open);
        if (close < 0 || part.AsSpan(open, close - open).Contains(','))
        {
            return true; // not a name: '{a,b}' alternatives, or a syntax error the OSC parser reports
        }

        string candidate = part[(open + 1)..close];
        if (!IsName(candidate))
        {
            error = $"'{{{candidate}}}' in '{part}' is neither a capture name (letters, digits, '_', '-') nor alternatives {{a,b}}";
            return false;
        }

        string rest = string.Concat(part.AsSpan(0, open), part.AsSpan(close + 1));
        if (rest.AsSpan().IndexOfAny(Wildcards) >= 0)
        {
            error = $"the capture {{{candidate}}} can share its part '{part}' only with plain characters";
            return false;
        }

        name = candidate;
        prefix = open;
        suffix = part.Length - close - 1;
        return true;
    }

    internal static bool IsName(string text) =>
        text.Length is > 0 and <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private readonly record struct Capture(string? Name, int Prefix, int Suffix);
}
