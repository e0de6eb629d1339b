namespace NetHub.Transports;

/// <summary>One recent packet, decoded for reading: "/mixer/ch/12/fader f 0.750000".</summary>
public sealed record HistoryEntry(DateTimeOffset Time, MessageDirection Direction, string? Peer, int Bytes, string Text);
