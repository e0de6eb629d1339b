namespace NetHub.Osc;

/// <summary>The 'r' argument: a 32-bit colour sent as the bytes R, G, B, A (OSC 1.0 type tags).</summary>
public readonly record struct OscRgba(byte R, byte G, byte B, byte A);
