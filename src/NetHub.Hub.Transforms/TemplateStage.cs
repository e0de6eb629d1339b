using System.Globalization;
using System.Text;
using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// <c>template</c>: builds the outgoing arguments from a list: <c>"$i"</c> is input argument i with its type,
/// <c>"{name}"</c> inside a string is the text the route's pattern captured under that name, anything else is sent
/// as written. Lets a route reorder, drop or add arguments: TouchOSC's <c>/1/fader3 0.5</c> becomes
/// <c>/composition/layer 3 0.5 "layer3"</c>.
/// </summary>
internal sealed class TemplateStage : TransformStage
{
    private const int StackChars = 256;

    private readonly TemplatePart[] _parts;

    public TemplateStage(TemplatePart[] parts)
        : base(Describe(parts))
    {
        _parts = parts;
    }

    public override StageVerdict Run(ref ArgumentWork work, object? state, DateTimeOffset now)
    {
        var output = new OscArgument[_parts.Length];
        for (int i = 0; i < _parts.Length; i++)
        {
            TemplatePart part = _parts[i];
            if (part.InputIndex >= 0)
            {
                if (part.InputIndex >= work.Count)
                {
                    return work.Drop("template: " + part.Text + " but the message has " + Count(work.Count));
                }

                output[i] = work[part.InputIndex];
            }
            else if (part.Pieces is { } pieces)
            {
                if (!TryInterpolate(pieces, work.Captures, out OscArgument text, out string? problem))
                {
                    return work.Drop("template: " + problem);
                }

                output[i] = text;
            }
            else
            {
                output[i] = part.Literal;
            }
        }

        work.Replace(output);
        return StageVerdict.Continue;
    }

    private static string Count(int count) => count switch
    {
        0 => "no arguments",
        1 => "1 argument",
        _ => count.ToString(CultureInfo.InvariantCulture) + " arguments",
    };

    private static string Describe(TemplatePart[] parts)
    {
        var text = new StringBuilder("template [");
        for (int i = 0; i < parts.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(parts[i].Text);
        }

        return text.Append(']').ToString();
    }

    private static bool TryInterpolate(string[] pieces, IReadOnlyDictionary<string, string> captures, out OscArgument result, out string? problem)
    {
        result = default;
        int length = 0;
        for (int i = 0; i < pieces.Length; i++)
        {
            if ((i & 1) == 0)
            {
                length += pieces[i].Length;
                continue;
            }

            if (!captures.TryGetValue(pieces[i], out string? value))
            {
                problem = "no capture named {" + pieces[i] + "} in this route's match (" + Names(captures) + ")";
                return false;
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                problem = "capture {" + pieces[i] + "} contains a NUL character, which OSC strings cannot carry";
                return false;
            }

            length += value.Length;
        }

        Span<char> buffer = length <= StackChars ? stackalloc char[StackChars] : new char[length];
        int at = 0;
        for (int i = 0; i < pieces.Length; i++)
        {
            string piece = (i & 1) == 0 ? pieces[i] : captures[pieces[i]];
            piece.AsSpan().CopyTo(buffer[at..]);
            at += piece.Length;
        }

        result = OscArgument.String(new string(buffer[..length]));
        problem = null;
        return true;
    }

    private static string Names(IReadOnlyDictionary<string, string> captures)
    {
        if (captures.Count == 0)
        {
            return "it captures nothing";
        }

        var names = new StringBuilder("captures: ");
        bool first = true;
        foreach (KeyValuePair<string, string> capture in captures)
        {
            names.Append(first ? "{" : ", {").Append(capture.Key).Append('}');
            first = false;
        }

        return names.ToString();
    }
}
