namespace NetHub.Osc;

/// <summary>The 'm' argument: four MIDI bytes sent in this order, most significant first (OSC 1.0 type tags).</summary>
public readonly record struct OscMidi(byte Port, byte Status, byte Data1, byte Data2);
