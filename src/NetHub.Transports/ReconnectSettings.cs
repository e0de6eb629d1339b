using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary><c>reconnect</c> of a TCP client: exponential backoff with jitter between attempts.</summary>
public sealed record ReconnectSettings(TimeSpan MinBackoff, TimeSpan MaxBackoff, double RandomFactor)
{
    public static ReconnectSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        TimeSpan min = c.GetPositiveDuration("min-backoff");
        TimeSpan max = c.GetPositiveDuration("max-backoff");
        if (max < min)
        {
            throw c.Error("max-backoff", $"at least min-backoff ({min})", max.ToString());
        }

        return new ReconnectSettings(min, max, c.GetDouble("random-factor", 0, 10));
    }

    /// <summary>The wait before reconnect attempt <paramref name="attempt"/> (0-based) for a jitter draw in [0, 1).</summary>
    public TimeSpan DelayFor(int attempt, double jitter)
    {
        double ms = Math.Min(MaxBackoff.TotalMilliseconds, MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 62)));
        return TimeSpan.FromMilliseconds(ms * (1 + (jitter * RandomFactor)));
    }
}
