using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NetHub.Node.Control;
using NetHub.Osc;
using NetHub.TestKit;

namespace NetHub.Node.Tests;

/// <summary>The control API of a node running in this process, called over real HTTP on loopback.</summary>
[Trait("Category", "Integration")]
public sealed class ControlApiTests : IDisposable
{
    private readonly Socket _td = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public ControlApiTests() => _td.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    private int TdPort => ((IPEndPoint)_td.LocalEndPoint!).Port;

    public void Dispose() => _td.Dispose();

    [Fact]
    public async Task Status_ReportsNodeEndpointsRouterAndCueLists()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode status, JsonElement body) = await node.GetAsync("api/status");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("control-test", body.GetProperty("node").GetString());
        Assert.Equal(NodeCli.Version, body.GetProperty("version").GetString());
        Assert.True(body.GetProperty("uptimeSeconds").GetDouble() >= 0);
        JsonElement td = Assert.Single(body.GetProperty("endpoints").EnumerateArray());
        Assert.Equal("td", td.GetProperty("name").GetString());
        Assert.Equal("osc-udp", td.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(td.GetProperty("state").GetString()));
        foreach (string counter in new[] { "messagesIn", "messagesOut", "bytesIn", "bytesOut", "errors", "dropped", "peers", "activePeers" })
        {
            Assert.Equal(JsonValueKind.Number, td.GetProperty(counter).ValueKind);
        }

        Assert.Equal(0, body.GetProperty("router").GetProperty("inbound").GetInt64());
        JsonElement main = Assert.Single(body.GetProperty("cueLists").EnumerateArray());
        Assert.Equal("main", main.GetProperty("name").GetString());
        Assert.Equal("1", main.GetProperty("standby").GetString());
        Assert.Equal(["idle", "idle"], main.GetProperty("cues").EnumerateArray().Select(c => c.GetProperty("state").GetString()));
        Assert.Equal("dark", Assert.Single(body.GetProperty("scenes").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task CueGo_AnswersOk_MovesStandby_AndTheCueSends()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode status, JsonElement body) = await node.PostAsync("api/cue/go");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("ok").GetBoolean());
        Assert.Equal("GO main: cue 1 'House out' fired; standby 2 'Blackout'", body.GetProperty("message").GetString());
        OscMessage fired = await ReceiveAsync();
        Assert.Equal("/cue/fired", fired.Address);
        Assert.Equal([OscArgument.Int32(1), OscArgument.String("house out")], fired.Arguments);
        JsonElement list = (await node.GetAsync("api/cues")).Body.GetProperty("lists")[0];
        Assert.Equal("2", list.GetProperty("standby").GetString());
        Assert.Equal("done", list.GetProperty("cues")[0].GetProperty("state").GetString());
        Assert.True(node.Logs.Contains(LogLevel.Information, "Control API command from api 127.0.0.1: POST /api/cue/go"));
    }

    [Fact]
    public async Task CueGoto_UnknownCue_Is409WithTheReason()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode status, JsonElement body) = await node.PostAsync("api/cue/goto?cue=7&list=main");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Equal("GOTO main: no cue 7 in list main: cues are 1, 2", body.GetProperty("message").GetString());
        Assert.Equal(1, (await node.GetAsync("api/cues")).Body.GetProperty("rejectedCommands").GetInt64());
    }

    [Theory]
    [InlineData("api/cue/goto", "which cue?")]
    [InlineData("api/scene/recall?scene=dark&fade=-1", "fade must be seconds from 0 to 86400")]
    [InlineData("api/scene/recall?scene=dark&fade=soon", "not 'soon'")]
    [InlineData("api/scene/snapshot", "which scene?")]
    public async Task Commands_BadInput_Is400WithAReason(string path, string reason)
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode status, JsonElement body) = await node.PostAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SceneRecall_AndPanic_AnswerWithTheHubsMessage()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode recall, JsonElement recalled) = await node.PostAsync("api/scene/recall?scene=dark&fade=0");
        (HttpStatusCode unknown, JsonElement refused) = await node.PostAsync("api/scene/recall?scene=blue");
        (HttpStatusCode panic, JsonElement panicked) = await node.PostAsync("api/panic");

        Assert.Equal(HttpStatusCode.OK, recall);
        Assert.StartsWith("scene dark:", recalled.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, unknown);
        Assert.Contains("no scene 'blue': scenes are dark", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, panic);
        Assert.StartsWith("PANIC", panicked.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("/master", (await ReceiveAsync()).Address);
    }

    [Fact]
    public async Task Send_JsonArgs_ArriveAtARealUdpSocket_AndShowInHistory()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode status, JsonElement body) = await node.PostJsonAsync("api/send", new { endpoint = "td", address = "/x", args = new object[] { 1, "a", 0.5 } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sent /x 1 a 0.5 out of td", body.GetProperty("message").GetString());
        OscMessage received = await ReceiveAsync();
        Assert.Equal("/x", received.Address);
        Assert.Equal("isf", received.TypeTags);
        Assert.Equal([OscArgument.Int32(1), OscArgument.String("a"), OscArgument.Float32(0.5f)], received.Arguments);

        // The router reported the message to the history before the endpoint sent it, so it is there now.
        JsonElement page = (await node.GetAsync("api/history?endpoint=td&address=/x&limit=5")).Body;
        Assert.Equal(1, page.GetProperty("matched").GetInt32());
        JsonElement entry = page.GetProperty("entries")[0];
        Assert.Equal("out", entry.GetProperty("direction").GetString());
        Assert.Equal("/x", entry.GetProperty("address").GetString());
        Assert.Equal("[1,\"a\",0.5]", entry.GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task History_ByTimeRange_AbsoluteOrHowLongAgo()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);
        await node.PostJsonAsync("api/send", new { endpoint = "td", address = "/x", args = new object[] { 1 } });
        await ReceiveAsync();
        JsonElement sent = (await node.GetAsync("api/history?endpoint=td&address=/x")).Body.GetProperty("entries")[0];
        DateTimeOffset at = sent.GetProperty("at").GetDateTimeOffset();

        int Matched(JsonElement page) => page.GetProperty("matched").GetInt32();
        string Q(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, Matched((await node.GetAsync($"api/history?address=/x&from={Q(at)}&to={Q(at)}")).Body));
        Assert.Equal(0, Matched((await node.GetAsync($"api/history?address=/x&from={Q(at.AddMilliseconds(1))}")).Body));
        Assert.Equal(0, Matched((await node.GetAsync($"api/history?address=/x&to={Q(at.AddMilliseconds(-1))}")).Body));
        Assert.Equal(1, Matched((await node.GetAsync("api/history?address=/x&from=1h")).Body));
        Assert.Equal(1, Matched((await node.GetAsync("api/history?address=/x&from=90m&to=0s")).Body));

        (HttpStatusCode badTime, JsonElement badTimeBody) = await node.GetAsync("api/history?from=yesterday");
        (HttpStatusCode backwards, JsonElement backwardsBody) = await node.GetAsync("api/history?from=0s&to=1h");
        Assert.Equal(HttpStatusCode.BadRequest, badTime);
        Assert.Equal("from must be a time such as 2026-12-06T20:15:00Z, or how long ago such as 30s, 5m or 1h, not 'yesterday'", badTimeBody.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, backwards);
        Assert.StartsWith("from (", backwardsBody.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(") is after to (", backwardsBody.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TypesAndValues_KeepEveryOscType()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode status, _) = await node.PostJsonAsync("api/send", new { endpoint = "td", address = "/typed", types = "dhST", values = new[] { "0.25", "1099511627776", "sym" } });

        Assert.Equal(HttpStatusCode.OK, status);
        OscMessage received = await ReceiveAsync();
        Assert.Equal("dhST", received.TypeTags);
        Assert.Equal(0.25, received.Arguments[0].AsFloat64());
        Assert.Equal(1099511627776L, received.Arguments[1].AsInt64());
    }

    [Theory]
    [InlineData("{bad", "the body is not valid JSON")]
    [InlineData("", "the body is not valid JSON")]
    [InlineData("{\"address\":\"/x\"}", "endpoint is required")]
    [InlineData("{\"endpoint\":\"td\",\"address\":\"x\"}", "address must be an OSC address starting with '/'")]
    [InlineData("{\"endpoint\":\"td\",\"address\":\"/x/*\"}", "without spaces or pattern characters")]
    [InlineData("{\"endpoint\":\"td\",\"address\":\"/x\",\"args\":{\"a\":1}}", "args must be a JSON array")]
    [InlineData("{\"endpoint\":\"td\",\"address\":\"/x\",\"types\":\"f\",\"values\":[\"loud\"]}", "value #1 ('loud') is not a valid float")]
    [InlineData("{\"endpoint\":\"td\",\"address\":\"/x\",\"args\":[1],\"types\":\"i\",\"values\":[\"1\"]}", "not both")]
    public async Task Send_BadBody_Is400WithTheReason_AndNothingIsSent(string json, string reason)
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode status, JsonElement body) = await node.PostAsync("api/send", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Contains(reason, body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(node.Logs.Contains(LogLevel.Warning, "Control API refused POST /api/send"));
        Assert.Equal(0, (await node.GetAsync("api/status")).Body.GetProperty("router").GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task Send_BodyOverTheLimit_Is413()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);
        string huge = $"{{\"endpoint\":\"td\",\"address\":\"/x\",\"args\":[\"{new string('a', ControlServer.MaxRequestBody)}\"]}}";

        (HttpStatusCode status, JsonElement body) = await node.PostAsync("api/send", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("bodies up to 1024 KiB", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_UnknownEndpoint_Is409NamingTheEndpoints()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode status, JsonElement body) = await node.PostJsonAsync("api/send", new { endpoint = "lights", address = "/go" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("no endpoint 'lights' on node 'control-test': endpoints are td", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Queries_TrafficPeersHistory_AnswerAndRefuseBadLimits()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode traffic, JsonElement stats) = await node.GetAsync("api/traffic?top=3");
        (HttpStatusCode peers, JsonElement list) = await node.GetAsync("api/peers");
        (HttpStatusCode badTop, JsonElement badTopBody) = await node.GetAsync("api/traffic?top=-1");
        (HttpStatusCode badLimit, _) = await node.GetAsync("api/history?limit=lots");
        (HttpStatusCode badPattern, JsonElement pattern) = await node.GetAsync("api/history?address=/a/[b");
        (HttpStatusCode badDirection, _) = await node.GetAsync("api/history?direction=sideways");

        Assert.Equal(HttpStatusCode.OK, traffic);
        Assert.Equal(JsonValueKind.Object, stats.GetProperty("in").ValueKind);
        Assert.Equal(JsonValueKind.Array, stats.GetProperty("topAddresses").ValueKind);
        Assert.Equal(HttpStatusCode.OK, peers);
        Assert.Equal(JsonValueKind.Array, list.GetProperty("peers").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, badTop);
        Assert.Contains("top must be a whole number from 0 to", badTopBody.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit);
        Assert.Equal(HttpStatusCode.BadRequest, badPattern);
        Assert.False(string.IsNullOrEmpty(pattern.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badDirection);
    }

    [Fact]
    public async Task UnknownRoute_Is404ListingTheRoutes()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort);

        (HttpStatusCode status, JsonElement body) = await node.GetAsync("api/cue/list");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no route GET /api/cue/list: the routes are GET /api/status", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WhenSet_EveryRequestNeedsIt()
    {
        await using ControlNode node = await ControlNode.StartAsync(TdPort, "nethub.control.token = s3cret");

        (HttpStatusCode none, JsonElement noneBody) = await node.GetAsync("api/status");
        node.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "guess");
        (HttpStatusCode wrong, JsonElement wrongBody) = await node.PostAsync("api/cue/go");
        node.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        (HttpStatusCode right, _) = await node.GetAsync("api/status");

        Assert.Equal(HttpStatusCode.Unauthorized, none);
        Assert.Contains("needs its token", noneBody.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Contains("does not match", wrongBody.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right);
        Assert.Equal("1", (await node.GetAsync("api/cues")).Body.GetProperty("lists")[0].GetProperty("standby").GetString());
    }

    [Fact]
    public async Task Stop_ReleasesThePort()
    {
        ControlNode node = await ControlNode.StartAsync(TdPort);
        int port = node.Server.Url!.Port;
        await using (node)
        {
            Assert.Equal(HttpStatusCode.OK, (await node.GetAsync("api/status")).Status);
            await node.StopAsync();
        }

        Assert.Null(node.Server.Url);
        Assert.True(node.Logs.Contains(LogLevel.Information, $"Control API stopped; http://127.0.0.1:{port} released"));
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen();
    }

    [Fact]
    public async Task PortInUse_StartFails_NamingThePortAndTheSetting()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        int port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        NodeConfiguration configuration = NodeConfiguration.Load([], ["nethub.endpoints = {}", $"nethub.control.bind = \"127.0.0.1:{port}\""]);
        var logs = new LogCapture();
        logs.ExpectErrors(e => e.EventId.Id == 9051);

        // The generic host logs every failed start itself ("Hosting failed to start").
        logs.ExpectErrors(e => e.Category.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal));
        using Microsoft.Extensions.Hosting.IHost host = NodeHost.Build(configuration, logging: b => b.AddProvider(logs));

        IOException ex = await Assert.ThrowsAsync<IOException>(() => host.StartAsync());

        Assert.StartsWith($"the control API cannot listen on 127.0.0.1:{port} (nethub.control.bind): the port is already in use", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.control.enabled = off", ex.Message, StringComparison.Ordinal);
        Assert.False(logs.Contains(LogLevel.Information, "starting; configuration"));
        Assert.Empty(logs.Verify());
    }

    [Fact]
    public async Task NodeNotStarted_Is503()
    {
        NodeConfiguration configuration = NodeConfiguration.Load([], ["nethub.node.name = unit", "nethub.endpoints = {}", "nethub.control.bind = \"127.0.0.1:0\""]);
        var logs = new LogCapture();
        using var service = new NodeService(configuration, logs, TimeProvider.System);
        await using var server = new ControlServer(configuration, service, logs, TimeProvider.System);
        await server.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Url };

        using HttpResponseMessage response = await http.PostAsync(new Uri("api/cue/go", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("node 'unit' is not ready", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await server.StopAsync(CancellationToken.None);
    }

    private async Task<OscMessage> ReceiveAsync()
    {
        byte[] buffer = new byte[65536];
        using var limit = new CancellationTokenSource(TestTime.DefaultTimeout);
        int length = await _td.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
        return Assert.IsType<OscMessage>(OscCodec.Decode(buffer.AsSpan(0, length)));
    }
}
