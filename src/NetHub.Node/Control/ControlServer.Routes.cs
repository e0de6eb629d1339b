using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetHub.Actors;
using NetHub.Hub;
using NetHub.Hub.Cues;
using NetHub.Hub.History;
using NetHub.Hub.Routing;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.Transports;

namespace NetHub.Node.Control;

/// <summary>The routes: each asks /user/hub and turns the answer into JSON with the status codes of docs/control.md.</summary>
public sealed partial class ControlServer
{
    private static readonly string[] Routes =
    [
        "GET /api/status", "GET /api/cues", "GET /api/traffic?top=", "GET /api/peers", "GET /api/history?endpoint=&address=&peer=&direction=&from=&to=&limit=",
        "POST /api/cue/go|back|stop?list=", "POST /api/cue/goto?cue=&list=", "POST /api/scene/recall?scene=&fade=", "POST /api/scene/snapshot?scene=",
        "POST /api/panic", "POST /api/send",
    ];

    private void MapRoutes(WebApplication app)
    {
        app.Use(Authorize);
        app.MapGet("/api/status", Handle(StatusAsync));
        app.MapGet("/api/cues", Handle(async (_, hub) => Reply.Ok(await hub.AskAsync<CueStatusReport>(GetCueStatus.Instance, _settings.AskTimeout).ConfigureAwait(false))));
        app.MapGet("/api/traffic", Handle(TrafficAsync));
        app.MapGet("/api/peers", Handle(async (_, hub) => Reply.Ok(await hub.AskAsync<PeerList>(GetPeers.Instance, _settings.AskTimeout).ConfigureAwait(false))));
        app.MapGet("/api/history", Handle(HistoryAsync));
        app.MapPost("/api/cue/go", Handle((c, hub) => CommandAsync(c, hub, new CueGo(List(c), Origin(c)))));
        app.MapPost("/api/cue/back", Handle((c, hub) => CommandAsync(c, hub, new CueBack(List(c), Origin(c)))));
        app.MapPost("/api/cue/stop", Handle((c, hub) => CommandAsync(c, hub, new CueStop(List(c), Origin(c)))));
        app.MapPost("/api/cue/goto", Handle(GotoAsync));
        app.MapPost("/api/scene/recall", Handle(RecallAsync));
        app.MapPost("/api/scene/snapshot", Handle(SnapshotAsync));
        app.MapPost("/api/panic", Handle((c, hub) => CommandAsync(c, hub, new Panic(Origin(c)))));
        app.MapPost("/api/send", Handle(SendAsync));
        app.MapFallback(context =>
            WriteAsync(context, Reply.Status(StatusCodes.Status404NotFound, $"no route {context.Request.Method} {context.Request.Path}: the routes are {string.Join(", ", Routes)}")));
    }

    /// <summary>With a token configured, every request must carry it; compared in constant time.</summary>
    private async Task Authorize(HttpContext context, Func<Task> next)
    {
        if (!_settings.RequiresToken)
        {
            await next().ConfigureAwait(false);
            return;
        }

        string header = context.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Bearer.Length..].Trim()), Encoding.UTF8.GetBytes(_settings.Token)))
        {
            await next().ConfigureAwait(false);
            return;
        }

        string reason = header.Length == 0
            ? $"this node's control API needs its token ({ControlSettings.Section}.token): pass --token or set NETHUB_CONTROL_TOKEN"
            : "the token does not match this node's nethub.control.token";
        NodeLog.ControlRejected(_log, context.Request.Method, context.Request.Path, Origin(context), reason);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await WriteAsync(context, Reply.Status(StatusCodes.Status401Unauthorized, reason)).ConfigureAwait(false);
    }

    private RequestDelegate Handle(Func<HttpContext, IActorRef, Task<Reply>> handler) => async context =>
    {
        string origin = Origin(context);
        Reply reply;
        if (!TryHub(out IActorRef? hub))
        {
            reply = Reply.Status(StatusCodes.Status503ServiceUnavailable, $"node '{configuration.Node.Name}' is not ready: it is starting or stopping; try again in a moment");
        }
        else
        {
            try
            {
                reply = await handler(context, hub).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex)
            {
                // Kestrel's own limits, e.g. a body over MaxRequestBody (413).
                reply = Reply.Status(ex.StatusCode, $"the request was refused: {ex.Message} (bodies up to {MaxRequestBody / 1024} KiB)");
            }
            catch (AskTimeoutException)
            {
                reply = Reply.Status(StatusCodes.Status503ServiceUnavailable, $"node '{configuration.Node.Name}' did not answer within {_settings.AskTimeout.TotalSeconds:0.###} s ({ControlSettings.Section}.ask-timeout): it is busy or stopping");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                NodeLog.ControlFailed(_log, context.Request.Method, context.Request.Path, origin, ex);
                reply = Reply.Status(StatusCodes.Status500InternalServerError, $"the node failed to answer: {ex.GetType().Name}: {ex.Message} (see the node's log)");
            }
        }

        if (reply.Code == StatusCodes.Status503ServiceUnavailable)
        {
            NodeLog.ControlUnavailable(_log, context.Request.Method, context.Request.Path, origin, ((CommandResult)reply.Body).Message);
        }
        else if (reply.Code is >= 400 and < 500 and not StatusCodes.Status409Conflict)
        {
            NodeLog.ControlRejected(_log, context.Request.Method, context.Request.Path, origin, ((CommandResult)reply.Body).Message);
        }

        await WriteAsync(context, reply).ConfigureAwait(false);
    };

    private async Task<Reply> StatusAsync(HttpContext context, IActorRef hub)
    {
        Task<EndpointStatusReport> endpoints = hub.AskAsync<EndpointStatusReport>(GetAllEndpointStatus.Instance, _settings.AskTimeout);
        Task<RouterCounters> router = hub.AskAsync<RouterCounters>(GetRouterCounters.Instance, _settings.AskTimeout);
        Task<CueStatusReport> cues = hub.AskAsync<CueStatusReport>(GetCueStatus.Instance, _settings.AskTimeout);
        await Task.WhenAll(endpoints, router, cues).ConfigureAwait(false);
        EndpointStatusReport e = await endpoints.ConfigureAwait(false);
        CueStatusReport c = await cues.ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        return Reply.Ok(new StatusResponse(
            configuration.Node.Name,
            NodeCli.Version,
            StartedAt,
            Math.Round((now - StartedAt).TotalSeconds, 3),
            [.. e.Endpoints.Select(Summarize)],
            await router.ConfigureAwait(false),
            c.Lists,
            c.Scenes,
            c.RejectedCommands));
    }

    private static EndpointSummary Summarize(EndpointStatus s) => new(
        s.Name,
        s.Type,
        s.State,
        s.Local,
        s.Counters.MessagesIn,
        s.Counters.MessagesOut,
        s.Counters.BytesIn,
        s.Counters.BytesOut,
        s.Counters.Errors,
        s.Counters.Dropped,
        s.Peers.Count,
        s.Peers.Count(p => p.Active));

    private async Task<Reply> TrafficAsync(HttpContext context, IActorRef hub)
    {
        if (!TryInt(context, "top", 10, 0, GetTrafficStats.MaxTop, out int top, out Reply? bad))
        {
            return bad;
        }

        return await hub.AskAsync<object>(new GetTrafficStats(top), _settings.AskTimeout).ConfigureAwait(false) switch
        {
            TrafficStatsReport report => Reply.Ok(report),
            HistoryQueryFailed failed => Reply.Status(StatusCodes.Status400BadRequest, failed.Reason),
            object other => throw new InvalidOperationException($"/user/hub answered GetTrafficStats with {other.GetType().Name}"),
        };
    }

    private async Task<Reply> HistoryAsync(HttpContext context, IActorRef hub)
    {
        if (!TryInt(context, "limit", 100, 1, QueryHistory.MaxLimit, out int limit, out Reply? bad))
        {
            return bad;
        }

        TrafficDirection? direction = null;
        string? text = Query(context, "direction");
        if (text is not null)
        {
            if (!Enum.TryParse(text, ignoreCase: true, out TrafficDirection parsed) || !Enum.IsDefined(parsed))
            {
                return Reply.Status(StatusCodes.Status400BadRequest, $"direction must be in or out, not '{text}'");
            }

            direction = parsed;
        }

        DateTimeOffset now = time.GetUtcNow();
        if (!TryTime(context, "from", now, out DateTimeOffset? from, out bad) || !TryTime(context, "to", now, out DateTimeOffset? to, out bad))
        {
            return bad;
        }

        if (from > to)
        {
            return Reply.Status(StatusCodes.Status400BadRequest, $"from ({from:O}) is after to ({to:O})");
        }

        var query = new QueryHistory(Query(context, "endpoint"), Query(context, "address"), from, to, Query(context, "peer"), direction, limit);
        return await hub.AskAsync<object>(query, _settings.AskTimeout).ConfigureAwait(false) switch
        {
            HistoryPage page => Reply.Ok(new HistoryResponse([.. page.Entries.Select(Item)], page.Matched, page.TotalRecorded)),
            HistoryQueryFailed failed => Reply.Status(StatusCodes.Status400BadRequest, failed.Reason),
            object other => throw new InvalidOperationException($"/user/hub answered QueryHistory with {other.GetType().Name}"),
        };
    }

    private static HistoryItem Item(HistoryRecord r) => new(
        r.Sequence,
        r.At,
        r.Direction,
        r.Endpoint,
        r.Peer,
        r.Message.Address,
        r.Message.Payload.Kind.ToString().ToLowerInvariant(),
        PayloadConvert.ToJson(r.Message.Payload),
        PayloadConvert.ToText(r.Message.Payload),
        r.Bytes);

    private Task<Reply> GotoAsync(HttpContext context, IActorRef hub)
    {
        string? cue = Query(context, "cue");
        return cue is null
            ? Task.FromResult(Reply.Status(StatusCodes.Status400BadRequest, "which cue? POST /api/cue/goto?cue=12 (optionally &list=main)"))
            : CommandAsync(context, hub, new CueGoto(cue, List(context), Origin(context)));
    }

    private Task<Reply> RecallAsync(HttpContext context, IActorRef hub)
    {
        string? scene = Query(context, "scene");
        if (scene is null)
        {
            return Task.FromResult(Reply.Status(StatusCodes.Status400BadRequest, "which scene? POST /api/scene/recall?scene=preshow (optionally &fade=SECONDS)"));
        }

        TimeSpan? fade = null;
        string? text = Query(context, "fade");
        if (text is not null)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !double.IsFinite(seconds) || seconds < 0 || seconds > 86_400)
            {
                return Task.FromResult(Reply.Status(StatusCodes.Status400BadRequest, $"fade must be seconds from 0 to 86400 (e.g. fade=2.5), not '{text}'"));
            }

            fade = TimeSpan.FromSeconds(seconds);
        }

        return CommandAsync(context, hub, new SceneRecall(scene, fade, Origin(context)));
    }

    private Task<Reply> SnapshotAsync(HttpContext context, IActorRef hub)
    {
        string? scene = Query(context, "scene");
        return scene is null
            ? Task.FromResult(Reply.Status(StatusCodes.Status400BadRequest, "which scene? POST /api/scene/snapshot?scene=preshow"))
            : CommandAsync(context, hub, new SceneSnapshot(scene, Origin(context)));
    }

    private async Task<Reply> CommandAsync(HttpContext context, IActorRef hub, ShowCommand command)
    {
        CommandResult result = await hub.AskAsync<CommandResult>(command, _settings.AskTimeout).ConfigureAwait(false);
        NodeLog.ControlCommand(_log, command.Origin, $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", result.Message);
        return new Reply(result.Ok ? StatusCodes.Status200OK : StatusCodes.Status409Conflict, result);
    }

    private async Task<Reply> SendAsync(HttpContext context, IActorRef hub)
    {
        SendRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<SendRequest>(context.Request.Body, ControlJson.Options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return Reply.Status(StatusCodes.Status400BadRequest, $"the body is not valid JSON ({ex.Message}); send {{\"endpoint\":\"td\",\"address\":\"/x\",\"args\":[1,\"a\",0.5]}}");
        }

        if (!TryArguments(request, out IReadOnlyList<OscArgument> arguments, out string? problem))
        {
            return Reply.Status(StatusCodes.Status400BadRequest, problem);
        }

        string endpoint = request!.Endpoint!;
        string address = request.Address!;
        EndpointStatusReport endpoints = await hub.AskAsync<EndpointStatusReport>(GetAllEndpointStatus.Instance, _settings.AskTimeout).ConfigureAwait(false);
        if (!endpoints.Endpoints.Any(e => e.Name == endpoint))
        {
            string known = endpoints.Endpoints.Count == 0 ? "it has none" : $"endpoints are {string.Join(", ", endpoints.Endpoints.Select(e => e.Name))}";
            var refused = CommandResult.Failed($"no endpoint '{endpoint}' on node '{configuration.Node.Name}': {known}");
            NodeLog.ControlCommand(_log, Origin(context), $"send {endpoint}:{address}", refused.Message);
            return new Reply(StatusCodes.Status409Conflict, refused);
        }

        var source = new MessageSource(configuration.Node.Name, "api", Origin(context));
        hub.Tell(new SendTo(endpoint, HubMessage.Create(time.GetUtcNow(), source, address, new OscPayload(arguments)), Lane.Reliable));
        string shown = arguments.Count == 0 ? address : $"{address} {string.Join(' ', arguments.Select(PayloadConvert.FormatPlain))}";
        var done = CommandResult.Done($"sent {shown} out of {endpoint}");
        NodeLog.ControlCommand(_log, Origin(context), $"send {endpoint}:{address}", done.Message);
        return Reply.Ok(done);
    }

    private bool TryArguments(SendRequest? request, out IReadOnlyList<OscArgument> arguments, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        arguments = [];
        problem = null;
        if (request is null || string.IsNullOrWhiteSpace(request.Endpoint))
        {
            problem = "endpoint is required: {\"endpoint\":\"td\",\"address\":\"/x\",\"args\":[1]}";
        }
        else if (request.Address is null || !request.Address.StartsWith('/') || request.Address.Any(c => char.IsWhiteSpace(c) || c is '#' or '*' or '?' or ',' or '[' or ']' or '{' or '}'))
        {
            problem = $"address must be an OSC address starting with '/', without spaces or pattern characters (# * ? , [ ] {{ }}), not '{request.Address}'";
        }
        else if (request.Args is { } args && request.Types is not null)
        {
            problem = "give args (JSON values) or types + values (oscsend syntax), not both";
        }
        else if (request.Types is not null)
        {
            try
            {
                arguments = OscTypeSyntax.Parse(request.Types, request.Values ?? [], time);
            }
            catch (FormatException ex)
            {
                problem = ex.Message;
            }
        }
        else if (request.Args is { } json && json.ValueKind is not JsonValueKind.Null)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                problem = $"args must be a JSON array such as [1, \"a\", 0.5], not a {json.ValueKind.ToString().ToLowerInvariant()}";
            }
            else
            {
                try
                {
                    arguments = PayloadConvert.FromJson(json);
                }
                catch (ArgumentException ex)
                {
                    problem = $"args cannot become OSC arguments: {ex.Message}";
                }
            }
        }

        return problem is null;
    }

    private static string? List(HttpContext context) => Query(context, "list");

    private static string? Query(HttpContext context, string name)
    {
        string? value = context.Request.Query[name];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool TryInt(HttpContext context, string name, int fallback, int min, int max, out int value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Reply? bad)
    {
        bad = null;
        value = fallback;
        string? text = Query(context, name);
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        bad = Reply.Status(StatusCodes.Status400BadRequest, $"{name} must be a whole number from {min} to {max}, not '{text}'");
        return false;
    }

    /// <summary>
    /// A point in time from the query: a date and time with its offset (<c>2026-12-06T20:15:00Z</c>), or a duration before
    /// <paramref name="now"/> (<c>30s</c>, <c>5m</c>, <c>1h</c>, <c>250ms</c>: "the last 30 seconds"); absent, null.
    /// </summary>
    private static bool TryTime(HttpContext context, string name, DateTimeOffset now, out DateTimeOffset? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Reply? bad)
    {
        bad = null;
        value = null;
        string? text = Query(context, name);
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
        {
            value = at;
            return true;
        }

        if (TryAgo(text, out TimeSpan ago))
        {
            value = now - ago;
            return true;
        }

        bad = Reply.Status(StatusCodes.Status400BadRequest, $"{name} must be a time such as 2026-12-06T20:15:00Z, or how long ago such as 30s, 5m or 1h, not '{text}'");
        return false;
    }

    private static bool TryAgo(string text, out TimeSpan ago)
    {
        ago = default;
        (string unit, double scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => ("ms", 1.0),
            _ when text.EndsWith('s') => ("s", 1_000.0),
            _ when text.EndsWith('m') => ("m", 60_000.0),
            _ when text.EndsWith('h') => ("h", 3_600_000.0),
            _ => (string.Empty, 0.0),
        };
        if (unit.Length == 0
            || !double.TryParse(text.AsSpan(0, text.Length - unit.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double amount)
            || !double.IsFinite(amount * scale) || amount * scale > TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        ago = TimeSpan.FromMilliseconds(amount * scale);
        return true;
    }

    /// <summary>"api 10.0.0.7": who gave a command, as logs and command results name it.</summary>
    private static string Origin(HttpContext context)
    {
        IPAddress? address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "api";
        }

        return $"api {(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)}";
    }

    private static Task WriteAsync(HttpContext context, Reply reply)
    {
        context.Response.StatusCode = reply.Code;
        return context.Response.WriteAsJsonAsync(reply.Body, reply.Body.GetType(), ControlJson.Options, context.RequestAborted);
    }

    private sealed record Reply(int Code, object Body)
    {
        public static Reply Ok(object body) => new(StatusCodes.Status200OK, body);

        public static Reply Status(int code, string message) => new(code, CommandResult.Failed(message));
    }
}
