namespace NetHub.Osc;

/// <summary>What a packet's first byte says it is: '/' a message, '#' a bundle (OSC 1.0 "OSC Packets").</summary>
public enum OscPacketKind
{
    Message,
    Bundle,
}
