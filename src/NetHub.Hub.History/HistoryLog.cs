using Microsoft.Extensions.Logging;

namespace NetHub.Hub.History;

/// <summary>Log events of /user/hub/history. Event ids 3400-3499 (see docs/logging.md).</summary>
internal static partial class HistoryLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "History started: keeping the last {Size} messages (at most {MaxBytes} bytes), tracking up to {MaxAddresses} addresses and {MaxPeers} peers; a peer is silent after {InactiveSeconds} s")]
    public static partial void Started(ILogger logger, int size, long maxBytes, int maxAddresses, int maxPeers, double inactiveSeconds);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Peer {Peer} on endpoint {Endpoint} appeared")]
    public static partial void PeerAppeared(ILogger logger, string peer, string endpoint);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Information, Message = "Peer {Peer} on endpoint {Endpoint} is back (silent for {SilentSeconds:0} s)")]
    public static partial void PeerReappeared(ILogger logger, string peer, string endpoint, double silentSeconds);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Information, Message = "Peer {Peer} on endpoint {Endpoint} went silent (last heard {AgoSeconds:0} s ago)")]
    public static partial void PeerWentSilent(ILogger logger, string peer, string endpoint, double agoSeconds);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Warning, Message = "Endpoint {Endpoint}: {Reason} (from {Peer}); further errors of this kind are counted in the traffic statistics, not logged")]
    public static partial void FirstError(ILogger logger, string endpoint, string reason, string peer);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Information, Message = "Traffic statistics track at most {Max} addresses (nethub.history.max-addresses): the least recently seen, {Address} on endpoint {Endpoint}, was evicted; further evictions are counted, not logged. Raise max-addresses if the show uses more addresses than that")]
    public static partial void AddressEvicted(ILogger logger, int max, string address, string endpoint);

    [LoggerMessage(EventId = 3406, Level = LogLevel.Warning, Message = "Peer tracking holds at most {Max} peers (nethub.history.max-peers): the least recently heard, {Peer} on endpoint {Endpoint}, was evicted; further evictions are counted, not logged. Raise max-peers if the show has more peers than that")]
    public static partial void PeerEvicted(ILogger logger, int max, string peer, string endpoint);

    [LoggerMessage(EventId = 3407, Level = LogLevel.Warning, Message = "Error statistics count at most {Max} distinct reasons (nethub.history.max-error-reasons): \"{Reason}\" on endpoint {Endpoint} and further new reasons are counted as \"other\"")]
    public static partial void ErrorReasonsFull(ILogger logger, int max, string reason, string endpoint);

    [LoggerMessage(EventId = 3408, Level = LogLevel.Warning, Message = "History ignored a traffic report without {Missing}: the router sent an incomplete report, which is counted and dropped")]
    public static partial void IncompleteReport(ILogger logger, string missing);

    [LoggerMessage(EventId = 3409, Level = LogLevel.Warning, Message = "A {Bytes}-byte message to {Address} on endpoint {Endpoint} is larger than the history's max-bytes ({MaxBytes}): it is counted in the statistics but not kept; further ones are counted, not logged")]
    public static partial void TooLargeToKeep(ILogger logger, int bytes, string address, string endpoint, long maxBytes);

    [LoggerMessage(EventId = 3410, Level = LogLevel.Debug, Message = "History query refused: {Reason}")]
    public static partial void QueryRefused(ILogger logger, string reason);
}
