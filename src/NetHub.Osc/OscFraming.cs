namespace NetHub.Osc;

/// <summary>How OSC packets are delimited on a byte stream (TCP, serial); chosen per endpoint.</summary>
public enum OscFraming
{
    /// <summary>OSC 1.0: a big-endian int32 byte count before each packet.</summary>
    SizePrefix,

    /// <summary>OSC 1.1: SLIP (RFC 1055) with an END byte before and after each packet.</summary>
    Slip,
}
