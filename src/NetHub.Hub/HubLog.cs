using Microsoft.Extensions.Logging;

namespace NetHub.Hub;

/// <summary>The hub's log events (ids 3000-3099; docs/logging.md).</summary>
internal static partial class HubLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Hub started with {Count} endpoint(s): {Endpoints}")]
    public static partial void Started(ILogger logger, int count, string endpoints);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "{Endpoint} <- {Peer} {Address} {Arguments}")]
    public static partial void Inbound(ILogger logger, string endpoint, string peer, string address, string arguments);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Route {Route}")]
    public static partial void Route(ILogger logger, string route);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Routing loop cut: route '{Route}' would send {Address} (from {Source}) back out of endpoint '{Endpoint}', where the same message went less than {WindowMs:0} ms ago. Check that the device on '{Endpoint}' does not echo what it receives, or narrow the route's from/address{Suppressed}")]
    public static partial void LoopCut(ILogger logger, string route, string address, string source, string endpoint, double windowMs, string suppressed);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Routing loop cut: route '{Route}' would send {TargetAddress} to endpoint '{Endpoint}', which already holds that value, in answer to {Address} from {Source}, which is what the hub itself sent there less than {WindowMs:0} ms ago. The devices at both ends echo what they receive, so the value would go round between them: make one of them stop echoing, or narrow the route's from/address{Suppressed}")]
    public static partial void RepeatCut(ILogger logger, string route, string targetAddress, string endpoint, string address, string source, double windowMs, string suppressed);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Router: {Detail}{Suppressed}")]
    public static partial void RouterProblem(ILogger logger, string detail, string suppressed);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Information, Message = "Emergency stop ({Origin}): the router dropped {Count} value(s) it held to send later (rate limits, smoothing, the latest-value lane) and starts every route's transforms afresh")]
    public static partial void HeldValuesDropped(ILogger logger, string origin, int count);

    [LoggerMessage(EventId = 3015, Message = "Route '{Route}' dropped {Address} from {Source}: {Reason}{Suppressed}")]
    public static partial void TransformDropped(ILogger logger, LogLevel level, string route, string address, string source, string reason, string suppressed);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Hub command from {Origin}: {Address} {Arguments}")]
    public static partial void Command(ILogger logger, string origin, string address, string arguments);
}
