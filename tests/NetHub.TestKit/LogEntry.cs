using Microsoft.Extensions.Logging;

namespace NetHub.TestKit;

public sealed record LogEntry(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() =>
        $"{Level} {Category}[{EventId.Id}] {Message}{(Exception is null ? string.Empty : $" ({Exception.GetType().Name}: {Exception.Message})")}";
}
