using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// One outgoing argument of a <c>template</c>: input argument <see cref="InputIndex"/> (when not -1), a
/// <see cref="Literal"/>, or a string built from <see cref="Pieces"/>, where odd positions name captures.
/// </summary>
internal sealed class TemplatePart
{
    private TemplatePart(int inputIndex, OscArgument literal, string[]? pieces, string text)
    {
        InputIndex = inputIndex;
        Literal = literal;
        Pieces = pieces;
        Text = text;
    }

    public int InputIndex { get; }

    public OscArgument Literal { get; }

    /// <summary>Text, capture name, text, capture name, ..., text; null for a plain literal.</summary>
    public string[]? Pieces { get; }

    /// <summary>How the part was written, for descriptions.</summary>
    public string Text { get; }

    public static TemplatePart Input(int index) => new(index, default, null, "$" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static TemplatePart Constant(OscArgument literal, string text) => new(-1, literal, null, text);

    public static TemplatePart Interpolated(string[] pieces, string text) => new(-1, default, pieces, text);
}
