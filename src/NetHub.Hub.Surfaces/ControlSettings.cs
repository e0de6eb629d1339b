using NetHub.Osc;

namespace NetHub.Hub.Surfaces;

/// <summary>
/// One control of a surface, as configured: its type, the OSC address (pattern) it sends, the targets its value
/// drives (<see cref="X"/> and <see cref="Y"/> for an XY pad), its action, and the shared settings it may override.
/// A control whose address has wildcards stands for several controls, one per entry of <see cref="Ids"/>; each
/// id fills the wildcard parts in order (<c>"2"</c>, or <c>"1/3"</c> for two wildcard parts).
/// </summary>
public sealed record ControlSettings(
    ControlType Type,
    string Address,
    IReadOnlyList<string> Ids,
    IReadOnlyList<TargetMapping> Targets,
    IReadOnlyList<TargetMapping> X,
    IReadOnlyList<TargetMapping> Y,
    ControlAction Action,
    string? Scene,
    string? Cue,
    string? List,
    ControlDefaults Options,
    string? FeedbackAddress = null)
{
    private static readonly System.Buffers.SearchValues<char> WildcardChars = System.Buffers.SearchValues.Create("*?[]{}");

    /// <summary>The parsed <see cref="Address"/>.</summary>
    public OscAddressPattern Pattern { get; } = OscAddressPattern.Parse(Address);

    /// <summary>Whether <see cref="Action"/> fires a show command (on press).</summary>
    public bool IsCommand => Action is ControlAction.Scene or ControlAction.Go or ControlAction.Back or ControlAction.Goto or ControlAction.Panic;

    /// <summary>The target lists by axis: one for most controls, two (x, y) for an XY pad.</summary>
    public IReadOnlyList<IReadOnlyList<TargetMapping>> Axes => Type == ControlType.Xy ? [X, Y] : [Targets];

    /// <summary>Whether this control has concrete instances (a literal address, or ids for its wildcards).</summary>
    public bool IsEnumerable => Pattern.IsLiteral || Ids.Count > 0;

    /// <summary>Each concrete control: its address and the ids that fill the wildcard parts (none for a literal address).</summary>
    public IEnumerable<(string Address, IReadOnlyList<string> Ids)> Instances()
    {
        if (Pattern.IsLiteral)
        {
            yield return (Address, []);
            yield break;
        }

        foreach (string id in Ids)
        {
            string[] parts = id.Split('/');
            yield return (FillWildcards(Address, parts), parts);
        }
    }

    /// <summary>Every target this control can set or show, with its ids filled in.</summary>
    public IEnumerable<ValueTarget> ValueTargets() =>
        IsEnumerable
            ? Instances().SelectMany(i => Axes.SelectMany(axis => axis.Select(t => t.Resolve(i.Ids))))
            : [];

    /// <summary><paramref name="pattern"/> with its wildcard parts replaced, in order, by <paramref name="ids"/>.</summary>
    internal static string FillWildcards(string pattern, IReadOnlyList<string> ids)
    {
        string[] parts = pattern.Split('/');
        int next = 0;
        for (int i = 0; i < parts.Length && next < ids.Count; i++)
        {
            if (parts[i].AsSpan().IndexOfAny(WildcardChars) >= 0)
            {
                parts[i] = ids[next++];
            }
        }

        return string.Join('/', parts);
    }
}
