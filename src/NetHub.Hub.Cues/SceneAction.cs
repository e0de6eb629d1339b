namespace NetHub.Hub.Cues;

/// <summary><c>{ scene = name, fade = 3s }</c>: recall a scene, over <paramref name="Fade"/> or the scene's own fade when null.</summary>
public sealed record SceneAction(string Scene, TimeSpan? Fade, string Where) : CueAction(Where);
