namespace NetHub.Hub.Cues;

/// <summary>A scene at run time: its values (replaced by a snapshot) and its latest fade.</summary>
internal sealed class SceneState(SceneDefinition definition)
{
    public string Name { get; } = definition.Name;

    public TimeSpan Fade { get; } = definition.Fade;

    public IReadOnlyList<SceneValue> Values { get; set; } = definition.Values;

    public long? CurrentFade { get; set; }

    /// <summary>When a snapshot last stored <see cref="Values"/> (now or before a restart, from the snapshot file); null while they are the show file's.</summary>
    public DateTimeOffset? Saved { get; set; }
}
