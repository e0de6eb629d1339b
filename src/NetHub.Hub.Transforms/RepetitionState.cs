using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>The arguments a <c>repetition-filter</c> last let through, copied (later stages may change theirs in place).</summary>
internal sealed class RepetitionState
{
    public bool HasLast { get; set; }

    public int Count { get; set; }

    public OscArgument[] Last { get; set; } = new OscArgument[4];
}
