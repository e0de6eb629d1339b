using NetHub.Configuration;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary><c>limits</c> of an OSC endpoint: what the decoder accepts.</summary>
public sealed record PacketLimitsSettings(long MaxPacket, int MaxBundleDepth, int MaxArguments, long MaxString, long MaxBlob)
{
    public static PacketLimitsSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new PacketLimitsSettings(
            c.GetBytes("max-packet", 16, 16 * 1024 * 1024),
            c.GetInt("max-bundle-depth", 1, 64),
            c.GetInt("max-arguments", 1, 65536),
            c.GetBytes("max-string", 1, 16 * 1024 * 1024),
            c.GetBytes("max-blob", 0, 16 * 1024 * 1024));
    }

    public OscLimits ToOscLimits() => new()
    {
        MaxPacketSize = (int)MaxPacket,
        MaxBundleDepth = MaxBundleDepth,
        MaxArguments = MaxArguments,
        MaxStringLength = (int)MaxString,
        MaxBlobLength = (int)MaxBlob,
    };
}
