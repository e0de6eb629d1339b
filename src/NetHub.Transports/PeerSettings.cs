using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary><c>peers</c> of an endpoint: when a peer counts as inactive and how many are remembered.</summary>
public sealed record PeerSettings(TimeSpan InactiveTimeout, int Max)
{
    public static PeerSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new PeerSettings(c.GetPositiveDuration("inactive-timeout"), c.GetInt("max", 1, 1_000_000));
    }
}
