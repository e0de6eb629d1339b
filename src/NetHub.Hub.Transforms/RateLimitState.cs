using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// What a <c>rate-limit</c> stage remembers: when it last let a value through, and the value it holds (with the
/// address and captures later stages may need) until <see cref="DueAt"/>.
/// </summary>
internal sealed class RateLimitState
{
    public bool HasPassed { get; set; }

    public DateTimeOffset LastPassed { get; set; }

    public bool Pending { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public IReadOnlyList<OscArgument> Held { get; set; } = [];

    public string HeldAddress { get; set; } = string.Empty;

    public IReadOnlyDictionary<string, string> HeldCaptures { get; set; } = TransformInput.NoCaptures;

    public void Hold(ref ArgumentWork work)
    {
        Held = work.Arguments;
        HeldAddress = work.Address;
        HeldCaptures = work.Captures;
    }

    public void Release(DateTimeOffset now)
    {
        Pending = false;
        Held = [];
        HeldCaptures = TransformInput.NoCaptures;
        HasPassed = true;
        LastPassed = now;
    }
}
