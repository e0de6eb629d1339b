namespace NetHub.Actors;

/// <summary><c>nethub.actors.dead-letters</c>.</summary>
public sealed record DeadLetterSettings(int LogMax, TimeSpan LogWindow, bool LogDuringShutdown);
