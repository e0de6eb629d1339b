namespace NetHub.Transports;

/// <summary>What an endpoint does with an OSC bundle's timetag (OSC 1.1 leaves it to the application).</summary>
public enum BundlePolicy
{
    /// <summary>Hold a future bundle and deliver its messages at its time, on a high-resolution timer.</summary>
    Schedule,

    /// <summary>Deliver at once, keeping the time on each message for outputs to use.</summary>
    PassThrough,

    /// <summary>Deliver at once and forget the time.</summary>
    Ignore,
}
