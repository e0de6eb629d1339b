namespace NetHub.Actors;

/// <summary>How many events of a kind are logged per window (the rest are counted).</summary>
public sealed record LogLimitSettings(int LogMax, TimeSpan LogWindow);
