using Microsoft.Extensions.Logging;

namespace NetHub.Transports;

/// <summary>Log events of the endpoints. Event ids 2000-2099 (see docs/logging.md). Each names the endpoint, the peer or address, and the fix.</summary>
internal static partial class TransportsLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Endpoint '{Endpoint}' ({Type}) {State}")]
    public static partial void EndpointStarted(ILogger logger, string endpoint, string type, string state);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Endpoint '{Endpoint}' cannot {Action} {Address}: {Reason}. {Advice}")]
    public static partial void EndpointCannot(ILogger logger, string endpoint, string action, string address, string reason, string advice);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Endpoint '{Endpoint}' dropped a malformed packet from {Peer}: {Problem} [{Reason}]{Suppressed}")]
    public static partial void MalformedPacket(ILogger logger, string endpoint, string peer, string problem, string reason, string suppressed);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Endpoint '{Endpoint}' dropped {Detail}{Suppressed}")]
    public static partial void BundleDropped(ILogger logger, string endpoint, string detail, string suppressed);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Endpoint '{Endpoint}': {Detail}{Suppressed}")]
    public static partial void EndpointProblem(ILogger logger, string endpoint, string detail, string suppressed);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Endpoint '{Endpoint}' connected to {Remote}")]
    public static partial void Connected(ILogger logger, string endpoint, string remote);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Endpoint '{Endpoint}' cannot connect to {Remote} ({Reason}); retrying in {DelayMs:0} ms (attempt {Attempt})")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, string remote, string reason, double delayMs, int attempt);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Endpoint '{Endpoint}' lost its connection to {Remote} ({Reason}); reconnecting in {DelayMs:0} ms")]
    public static partial void ConnectionLost(ILogger logger, string endpoint, string remote, string reason, double delayMs);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Endpoint '{Endpoint}': client {Peer} connected ({Clients} connected)")]
    public static partial void ClientConnected(ILogger logger, string endpoint, string peer, int clients);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Endpoint '{Endpoint}': client {Peer} disconnected ({Reason})")]
    public static partial void ClientDisconnected(ILogger logger, string endpoint, string peer, string reason);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Endpoint '{Endpoint}' refused client {Peer}: already {Max} clients (raise max-clients)")]
    public static partial void ClientRefused(ILogger logger, string endpoint, string peer, int max);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "A scheduled delivery threw; the scheduler keeps running")]
    public static partial void ScheduledDeliveryFailed(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Endpoint '{Endpoint}' stopped")]
    public static partial void EndpointStopped(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning, Message = "Endpoint '{Endpoint}' received {Bytes} bytes from {Peer} that are not valid {Encoding}; delivered them as bytes. If the device sends binary or Latin-1 text, set the endpoint's encoding to bytes or latin-1{Suppressed}")]
    public static partial void InvalidText(ILogger logger, string endpoint, int bytes, string peer, string encoding, string suppressed);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Endpoint '{Endpoint}' discarded a message from {Peer} longer than max-message ({Max} bytes) and kept serving. Raise max-message, or check that the sender {Hint}{Suppressed}")]
    public static partial void MessageTooLong(ILogger logger, string endpoint, string peer, int max, string hint, string suppressed);
}
