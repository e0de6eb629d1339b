using System.Collections;

namespace NetHub.Osc;

/// <summary>
/// A read-only view of an argument array that the owner never changes, so messages and array arguments can hand
/// it out without a defensive copy and writers can walk it as a span.
/// </summary>
internal sealed class OscArgumentList(OscArgument[] items) : IReadOnlyList<OscArgument>
{
    public static OscArgumentList Empty { get; } = new([]);

    public int Count => items.Length;

    public ReadOnlySpan<OscArgument> Span => items;

    /// <summary>The arguments as a span without copying, when they are an array or one of these lists.</summary>
    public static bool TryGetSpan(IReadOnlyList<OscArgument> arguments, out ReadOnlySpan<OscArgument> span)
    {
        span = arguments switch
        {
            OscArgument[] array => array,
            OscArgumentList list => list.Span,
            _ => default,
        };
        return arguments is OscArgument[] or OscArgumentList;
    }

    public OscArgument this[int index] => items[index];

    public IEnumerator<OscArgument> GetEnumerator() => ((IEnumerable<OscArgument>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
