namespace NetHub.Hub.Cues;

/// <summary>A scene at run time: its values (replaced by a snapshot) and its latest fade.</summary>
internal sealed class SceneState(SceneDefinition definition)
{
    public string Name { get; } = definition.Name;

    public TimeSpan Fade { get; } = definition.Fade;

    public IReadOnlyList<SceneValue> Values { get; set; } = definition.Values;

    public long? CurrentFade { get; set; }
}
