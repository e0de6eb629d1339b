using System.Collections;
using System.Runtime.CompilerServices;

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
        if (arguments is OscArgumentList list)
        {
            span = list.Span;
            return true;
        }

        // An exact type test is one compare, where `is OscArgument[]` on an interface goes through the cast helper;
        // after it the reference is that array.
        if (arguments.GetType() == typeof(OscArgument[]))
        {
            span = Unsafe.As<OscArgument[]>(arguments);
            return true;
        }

        span = default;
        return false;
    }

    public OscArgument this[int index] => items[index];

    public IEnumerator<OscArgument> GetEnumerator() => ((IEnumerable<OscArgument>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
