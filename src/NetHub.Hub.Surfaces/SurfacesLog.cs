using Microsoft.Extensions.Logging;

namespace NetHub.Hub.Surfaces;

/// <summary>Log events of the control surfaces. Event ids 3300-3399 (see docs/surfaces.md).</summary>
internal static partial class SurfacesLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Surface {Surface} on endpoint {Endpoint}: {Controls} control(s), {Targets} target(s), feedback {Feedback}")]
    public static partial void Started(ILogger logger, string surface, string endpoint, int controls, int targets, FeedbackMode feedback);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Surface {Surface}: dropped {Address} {Arguments} from {Peer}: {Reason}. {Fix}{Suppressed}")]
    public static partial void BadInput(ILogger logger, string surface, string address, string arguments, string peer, string reason, string fix, string suppressed);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Debug, Message = "Surface {Surface}: no control at {Address} (from {Peer}); add it to nethub.surfaces.{Surface}.controls to use it{Suppressed}")]
    public static partial void UnknownAddress(ILogger logger, string surface, string address, string peer, string suppressed);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Surface {Surface}: {Peer} appeared on endpoint {Endpoint}; sending it the current value of every control")]
    public static partial void PeerAppeared(ILogger logger, string surface, string peer, string endpoint);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Information, Message = "Surface {Surface}: {Peer} silent for {Timeout}, no longer sent feedback (it gets every value again when it next speaks)")]
    public static partial void PeerForgotten(ILogger logger, string surface, string peer, TimeSpan timeout);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Information, Message = "Surface {Surface}: {Command}: {Result}")]
    public static partial void CommandDone(ILogger logger, string surface, string command, string result);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Warning, Message = "Surface {Surface}: {Command} failed: {Result}")]
    public static partial void CommandFailed(ILogger logger, string surface, string command, string result);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Debug, Message = "Surface {Surface}: target {Target} holds {Value}, which is not a number; {Address} keeps its value{Suppressed}")]
    public static partial void NotANumber(ILogger logger, string surface, string target, string value, string address, string suppressed);
}
