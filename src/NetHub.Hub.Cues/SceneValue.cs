using NetHub.Osc;

namespace NetHub.Hub.Cues;

/// <summary>One stored value of a scene: the target and the arguments it is set to when the scene is recalled.</summary>
public sealed record SceneValue(ValueTarget Target, IReadOnlyList<OscArgument> Value);
