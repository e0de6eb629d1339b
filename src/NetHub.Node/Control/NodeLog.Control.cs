using Microsoft.Extensions.Logging;

namespace NetHub.Node;

/// <summary>Log events of the control API (docs/control.md): event ids 9050-9069 of the node's range.</summary>
internal static partial class NodeLog
{
    [LoggerMessage(EventId = 9050, Level = LogLevel.Information, Message = "Control API listening on {Url} ({Access}); try: nethub status --control {Url}")]
    public static partial void ControlListening(ILogger logger, string url, string access);

    [LoggerMessage(EventId = 9051, Level = LogLevel.Error, Message = "Control API cannot listen on {Bind} (nethub.control.bind): {Reason}")]
    public static partial void ControlBindFailed(ILogger logger, string bind, string reason);

    [LoggerMessage(EventId = 9052, Level = LogLevel.Information, Message = "Control API is off (nethub.control.enabled = off): the nethub status/cue/scene/panic/send commands cannot reach this node")]
    public static partial void ControlDisabled(ILogger logger);

    [LoggerMessage(EventId = 9053, Level = LogLevel.Information, Message = "Control API command from {Origin}: {Command} -> {Result}")]
    public static partial void ControlCommand(ILogger logger, string origin, string command, string result);

    [LoggerMessage(EventId = 9054, Level = LogLevel.Warning, Message = "Control API refused {Method} {Path} from {Origin}: {Reason}")]
    public static partial void ControlRejected(ILogger logger, string method, string path, string origin, string reason);

    [LoggerMessage(EventId = 9055, Level = LogLevel.Warning, Message = "Control API: {Method} {Path} from {Origin} got no answer: {Reason}")]
    public static partial void ControlUnavailable(ILogger logger, string method, string path, string origin, string reason);

    [LoggerMessage(EventId = 9056, Level = LogLevel.Error, Message = "Control API: {Method} {Path} from {Origin} failed")]
    public static partial void ControlFailed(ILogger logger, string method, string path, string origin, Exception exception);

    [LoggerMessage(EventId = 9057, Level = LogLevel.Information, Message = "Control API stopped; {Url} released")]
    public static partial void ControlStopped(ILogger logger, string url);
}
