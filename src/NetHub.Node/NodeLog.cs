using Microsoft.Extensions.Logging;

namespace NetHub.Node;

/// <summary>Log events of the node host. Event ids 9000-9099 (see docs/logging.md).</summary>
internal static partial class NodeLog
{
    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "NetHub {Version} node '{Node}' starting; configuration: {Sources}")]
    public static partial void Starting(ILogger logger, string version, string node, string sources);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Node '{Node}' started: actor system '{System}', dispatchers [{Dispatchers}], mailboxes [{Mailboxes}]. Press Ctrl+C to stop")]
    public static partial void Started(ILogger logger, string node, string system, string dispatchers, string mailboxes);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Node '{Node}' stopping: {Stage} first")]
    public static partial void Stopping(ILogger logger, string node, string stage);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "{Stage} did not stop within {Timeout}; continuing the shutdown")]
    public static partial void StageTimedOut(ILogger logger, string stage, TimeSpan timeout);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Node '{Node}' stopped")]
    public static partial void Stopped(ILogger logger, string node);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "No configuration file at {Path}; using the built-in defaults")]
    public static partial void NoConfigFile(ILogger logger, string path);
}
