namespace NetHub.Hub.Transforms;

/// <summary>
/// One transform of a chain, immutable and shared by every route state that uses the chain. Stages that remember
/// something between messages (smoothing, rate limit, repetition filter) keep it in the object
/// <see cref="CreateState"/> makes, one per <see cref="TransformState"/>.
/// </summary>
internal abstract class TransformStage
{
    protected TransformStage(string description)
    {
        Description = description;
    }

    /// <summary>One phrase for logs and status, e.g. <c>map [0,1]-&gt;[-60,6] clamp</c>.</summary>
    public string Description { get; }

    public virtual object? CreateState() => null;

    public abstract StageVerdict Run(ref ArgumentWork work, object? state, DateTimeOffset now);

    public override string ToString() => Description;
}
