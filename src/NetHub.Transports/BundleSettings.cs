using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary><c>bundles</c> of an OSC endpoint. <see cref="LateDrop"/> may be infinite (never drop late bundles).</summary>
public sealed record BundleSettings(BundlePolicy Policy, TimeSpan MaxFuture, TimeSpan LateDrop)
{
    public static BundleSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new BundleSettings(
            c.GetChoice("policy", ("schedule", BundlePolicy.Schedule), ("pass-through", BundlePolicy.PassThrough), ("ignore", BundlePolicy.Ignore)),
            c.GetPositiveDuration("max-future"),
            c.GetPositiveDuration("late-drop", allowInfinite: true));
    }
}
