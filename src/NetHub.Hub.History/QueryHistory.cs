namespace NetHub.Hub.History;

/// <summary>
/// Asks /user/hub/history for recorded messages, newest first. Every filter is optional and they combine:
/// <see cref="Endpoint"/> and <see cref="Peer"/> match exactly, <see cref="AddressPattern"/> is an OSC address
/// pattern ('*', '?', "[a-z]", "{a,b}" and the '//' path wildcard), <see cref="From"/> and <see cref="To"/> bound
/// the recording time (both inclusive). Answered with <see cref="HistoryPage"/>, or <see cref="HistoryQueryFailed"/>
/// when the pattern does not parse, the limit is out of range or <see cref="From"/> is after <see cref="To"/>.
/// </summary>
public sealed record QueryHistory(
    string? Endpoint = null,
    string? AddressPattern = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Peer = null,
    TrafficDirection? Direction = null,
    int Limit = 100)
{
    /// <summary>Largest <see cref="Limit"/> accepted: a page is built in memory and sent in one message.</summary>
    public const int MaxLimit = 100_000;
}
