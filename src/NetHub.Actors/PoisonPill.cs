namespace NetHub.Actors;

/// <summary>Stops the actor after it has handled every message queued before this one.</summary>
public sealed class PoisonPill
{
    private PoisonPill()
    {
    }

    public static PoisonPill Instance { get; } = new();

    public override string ToString() => nameof(PoisonPill);
}
