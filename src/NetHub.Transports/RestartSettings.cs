using NetHub.Actors;
using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary><c>restart</c> of an endpoint: the backoff its supervisor uses after a failure.</summary>
public sealed record RestartSettings(TimeSpan MinBackoff, TimeSpan MaxBackoff, double RandomFactor, TimeSpan ResetAfter)
{
    public static RestartSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        TimeSpan min = c.GetPositiveDuration("min-backoff");
        TimeSpan max = c.GetPositiveDuration("max-backoff");
        if (max < min)
        {
            throw c.Error("max-backoff", $"at least min-backoff ({min})", max.ToString());
        }

        return new RestartSettings(min, max, c.GetDouble("random-factor", 0, 10), c.GetPositiveDuration("reset-after"));
    }

    public BackoffOptions ToBackoff(Props child, string childName) =>
        new(child, childName, MinBackoff, MaxBackoff, RandomFactor) { ResetAfter = ResetAfter };
}
