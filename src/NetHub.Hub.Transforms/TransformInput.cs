using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// What a route hands its transform chain: the message's arguments, its address, and the parts of the address the
/// route's pattern captured (by name), which a <c>template</c> transform can put into the outgoing arguments. The
/// chain may keep a reference to <paramref name="Arguments"/> while a rate limit holds it, so the list must not be
/// changed after it is passed in.
/// </summary>
public readonly record struct TransformInput(IReadOnlyList<OscArgument> Arguments, string Address, IReadOnlyDictionary<string, string> Captures)
{
    /// <summary>Arguments with no address and no captures, for chains that do not use them.</summary>
    public TransformInput(IReadOnlyList<OscArgument> arguments)
        : this(arguments, string.Empty, NoCaptures)
    {
    }

    internal static IReadOnlyDictionary<string, string> NoCaptures { get; } = new Dictionary<string, string>(0, StringComparer.Ordinal);
}
