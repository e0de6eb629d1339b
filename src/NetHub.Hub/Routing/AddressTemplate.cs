using System.Diagnostics.CodeAnalysis;
using System.Text;
using NetHub.Osc;

namespace NetHub.Hub.Routing;

/// <summary>
/// An outgoing address written with captures, e.g. <c>/mixer/ch/{n}/gain</c>: each <c>{name}</c> is replaced by the
/// route's capture of that name (or position). A template without braces is a fixed address.
/// </summary>
public sealed class AddressTemplate
{
    private readonly (string Text, bool IsCapture)[] _parts;

    private AddressTemplate(string text, (string, bool)[] parts)
    {
        Text = text;
        _parts = parts;
        IsFixed = parts.All(p => !p.Item2);
    }

    public string Text { get; }

    /// <summary>No capture in it: the address is <see cref="Text"/>.</summary>
    public bool IsFixed { get; }

    /// <summary>The capture names it uses.</summary>
    public IEnumerable<string> Captures => _parts.Where(p => p.IsCapture).Select(p => p.Text);

    public static bool TryParse(string text, [NotNullWhen(true)] out AddressTemplate? template, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        template = null;
        var parts = new List<(string, bool)>();
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('{', i);
            if (open < 0)
            {
                parts.Add((text[i..], false));
                break;
            }

            int close = text.IndexOf('}', open);
            string name = close < 0 ? string.Empty : text[(open + 1)..close];
            if (!RouteAddress.IsName(name))
            {
                error = $"'{text}': '{{' must start a capture name such as {{n}} or {{1}}, closed by '}}'";
                return false;
            }

            if (open > i)
            {
                parts.Add((text[i..open], false));
            }

            parts.Add((name, true));
            i = close + 1;
        }

        // Check the shape with every capture replaced by a plain character.
        string sample = string.Concat(parts.Select(p => p.Item2 ? "x" : p.Item1));
        if (!OscAddress.IsValidAddress(sample))
        {
            error = $"'{text}' is not an OSC address: {OscAddress.Explain(sample)}";
            return false;
        }

        template = new AddressTemplate(text, [.. parts]);
        error = null;
        return true;
    }

    /// <summary>The address for one match; null when a capture is missing (the caller reports it).</summary>
    public string? Render(IReadOnlyDictionary<string, string>? captures)
    {
        if (IsFixed)
        {
            return Text;
        }

        var text = new StringBuilder(Text.Length + 8);
        foreach ((string part, bool isCapture) in _parts)
        {
            if (!isCapture)
            {
                text.Append(part);
            }
            else if (captures is not null && captures.TryGetValue(part, out string? value))
            {
                text.Append(value);
            }
            else
            {
                return null;
            }
        }

        return text.ToString();
    }

    public override string ToString() => Text;
}
