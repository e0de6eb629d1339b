namespace NetHub.Actors;

/// <summary>
/// Makes the actor fail with <see cref="ActorKilledException"/> when handled; its supervisor decides
/// what happens (the default decider stops it).
/// </summary>
public sealed class Kill
{
    private Kill()
    {
    }

    public static Kill Instance { get; } = new();

    public override string ToString() => nameof(Kill);
}
