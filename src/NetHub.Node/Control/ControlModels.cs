using System.Text.Json;
using NetHub.Hub.Cues;
using NetHub.Hub.History;
using NetHub.Hub.Routing;

namespace NetHub.Node.Control;

/// <summary>GET /api/status: the node, every endpoint, the router and every cue list, in one answer.</summary>
internal sealed record StatusResponse(
    string Node,
    string Version,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    IReadOnlyList<EndpointSummary> Endpoints,
    RouterCounters Router,
    IReadOnlyList<CueListStatus> CueLists,
    IReadOnlyList<SceneStatus> Scenes,
    long RejectedCommands);

/// <summary>One endpoint in <see cref="StatusResponse"/>: state, counters and how many peers it has heard from.</summary>
internal sealed record EndpointSummary(
    string Name,
    string Type,
    string State,
    string? Local,
    long MessagesIn,
    long MessagesOut,
    long BytesIn,
    long BytesOut,
    long Errors,
    long Dropped,
    int Peers,
    int ActivePeers);

/// <summary>GET /api/history: one page of recorded messages, newest first.</summary>
internal sealed record HistoryResponse(IReadOnlyList<HistoryItem> Entries, int Matched, long TotalRecorded);

/// <summary>One recorded message: the payload as JSON (docs/messages.md) and as the text a log would show.</summary>
internal sealed record HistoryItem(
    long Sequence,
    DateTimeOffset At,
    TrafficDirection Direction,
    string Endpoint,
    string? Peer,
    string Address,
    string Kind,
    JsonElement Value,
    string Text,
    int Bytes);

/// <summary>POST /api/send body: <c>args</c> as JSON values, or <c>types</c> + <c>values</c> in oscsend syntax.</summary>
internal sealed record SendRequest(string? Endpoint, string? Address, JsonElement? Args, string? Types, IReadOnlyList<string>? Values);
