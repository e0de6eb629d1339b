using System.Diagnostics.CodeAnalysis;

namespace NetHub.Hub;

/// <summary>
/// A value the hub knows and can set: an address on an endpoint, written "endpoint:/address" in
/// configuration (e.g. <c>td:/mixer/ch/1/gain</c>). Surfaces map controls to targets, scenes store
/// target values, cues set them; every message the hub sends to a target updates its current value.
/// </summary>
public readonly record struct ValueTarget(string Endpoint, string Address)
{
    public static ValueTarget Parse(string text) =>
        TryParse(text, out ValueTarget target)
            ? target
            : throw new FormatException($"'{text}' is not endpoint:/address (for example td:/mixer/ch/1/gain)");

    public static bool TryParse([NotNullWhen(true)] string? text, out ValueTarget target)
    {
        target = default;
        if (text is null)
        {
            return false;
        }

        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon + 1 >= text.Length || text[colon + 1] != '/')
        {
            return false;
        }

        string endpoint = text[..colon];
        if (!endpoint.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        target = new ValueTarget(endpoint, text[(colon + 1)..]);
        return true;
    }

    public override string ToString() => $"{Endpoint}:{Address}";
}
