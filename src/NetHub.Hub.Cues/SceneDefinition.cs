namespace NetHub.Hub.Cues;

/// <summary>
/// A named scene (<c>nethub.scenes.&lt;name&gt;</c>): target values recalled together, by default over
/// <see cref="Fade"/> (zero: set at once). A snapshot replaces the values at run time; the file is not rewritten.
/// </summary>
public sealed record SceneDefinition(string Name, TimeSpan Fade, IReadOnlyList<SceneValue> Values);
