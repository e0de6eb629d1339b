namespace NetHub.Hub.Cues;

/// <summary>A named cue list (<c>nethub.cue-lists.&lt;name&gt;.cues</c>): its cues in the order GO walks through them.</summary>
public sealed record CueListDefinition(string Name, IReadOnlyList<CueDefinition> Cues);
