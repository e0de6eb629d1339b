using NetHub.Configuration;

namespace NetHub.Hub.History;

/// <summary>
/// Typed <c>nethub.history</c>: how much history is kept, how many addresses, peers and error reasons are tracked,
/// when a peer counts as silent and how often that is checked, and the pause that breaks an address's rhythm.
/// Every key of the embedded reference.conf maps to exactly one property; a test keeps the two in step.
/// </summary>
public sealed record HistorySettings(
    int Size,
    long MaxBytes,
    int MaxAddresses,
    int MaxPeers,
    int MaxErrorReasons,
    TimeSpan PeerInactiveTimeout,
    TimeSpan PeerCheckInterval,
    TimeSpan StreamGap)
{
    public const string Section = "nethub.history";

    public const string ReferenceResource = "NetHub.Hub.History.reference.conf";

    /// <summary>The embedded reference.conf, unresolved.</summary>
    public static Config Reference { get; } = Config.ParseResource(typeof(HistorySettings).Assembly, ReferenceResource);

    /// <summary>Settings from the reference alone.</summary>
    public static HistorySettings Default { get; } = FromConfig(Reference.Resolve().GetConfig("nethub"));

    /// <summary>Reads <c>history</c> from the resolved <c>nethub</c> section; errors name the file, line, column and key.</summary>
    public static HistorySettings FromConfig(Config nethub)
    {
        ArgumentNullException.ThrowIfNull(nethub);
        Config c = nethub.GetConfig("history");
        TimeSpan inactive = c.GetPositiveDuration("peer-inactive-timeout");
        TimeSpan check = c.GetPositiveDuration("peer-check-interval");
        if (check > inactive)
        {
            throw c.Error("peer-check-interval", "at most peer-inactive-timeout (a peer must be checked before it is due to go silent)", check.ToString());
        }

        return new HistorySettings(
            Size: c.GetInt("size", 1, 10_000_000),
            MaxBytes: c.GetBytes("max-bytes", 1024),
            MaxAddresses: c.GetInt("max-addresses", 1, 1_000_000),
            MaxPeers: c.GetInt("max-peers", 1, 1_000_000),
            MaxErrorReasons: c.GetInt("max-error-reasons", 1, 100_000),
            PeerInactiveTimeout: inactive,
            PeerCheckInterval: check,
            StreamGap: c.GetPositiveDuration("stream-gap"));
    }
}
