using System.Text;

namespace NetHub.Osc;

/// <summary>An OSC packet (OSC 1.0 "OSC Packets"): an <see cref="OscMessage"/> or an <see cref="OscBundle"/>.</summary>
public abstract class OscPacket
{
    // Only this assembly's sealed message and bundle derive from it, so a switch over packets is complete.
    private protected OscPacket()
    {
    }

    /// <summary>Encoded size in bytes, known at construction.</summary>
    internal abstract int Size { get; }

    /// <summary>Writes exactly <see cref="Size"/> bytes.</summary>
    internal abstract void WriteTo(Span<byte> destination);

    internal abstract void AppendTo(StringBuilder text);
}
