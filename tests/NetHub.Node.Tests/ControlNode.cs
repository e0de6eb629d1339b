using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetHub.Node.Control;
using NetHub.TestKit;

namespace NetHub.Node.Tests;

/// <summary>
/// A node in this process, as <c>nethub run</c> builds it (NodeHost), with its control API on a free loopback port
/// and an HttpClient pointed at it. Disposing stops the node and checks that nothing logged an unexpected error.
/// </summary>
internal sealed class ControlNode : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;
    private bool _stopped;

    private ControlNode(IHost host, string directory, LogCapture logs)
    {
        _host = host;
        _directory = directory;
        Logs = logs;
        Server = host.Services.GetRequiredService<ControlServer>();
        Http = new HttpClient { BaseAddress = Server.Url, Timeout = TestTime.DefaultTimeout };
    }

    public LogCapture Logs { get; }

    public ControlServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>The show every control test runs: an endpoint "td" sending to <paramref name="tdPort"/>, one cue list, one scene.</summary>
    public static string Show(int tdPort) => $$"""
        nethub {
          endpoints {
            td { type = osc-udp, remote = "127.0.0.1:{{tdPort}}" }
          }
          cue-lists {
            main { cues = [
              { number = 1, name = "House out", actions = [{ send = "td:/cue/fired", args = [1, "house out"] }] }
              { number = 2, name = "Blackout", actions = [{ set = "td:/master", value = 0.0 }] }
            ] }
          }
          scenes { dark { values { "td:/master" = 0.0 } } }
        }
        """;

    public static async Task<ControlNode> StartAsync(int tdPort, params string[] overrides)
    {
        string directory = Directory.CreateTempSubdirectory("nethub-control-").FullName;
        string file = Path.Combine(directory, "show.conf");
        await File.WriteAllTextAsync(file, Show(tdPort));
        NodeConfiguration configuration = NodeConfiguration.Load([file], ["nethub.node.name = control-test", "nethub.control.bind = \"127.0.0.1:0\"", .. overrides]);
        var logs = new LogCapture();
        IHost host = NodeHost.Build(configuration, logging: b => b.AddProvider(logs));
        await host.StartAsync();
        return new ControlNode(host, directory, logs);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using HttpResponseMessage response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await Body(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, HttpContent? content = null)
    {
        using HttpResponseMessage response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, await Body(response));
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(string path, object body) => PostAsync(path, JsonContent.Create(body));

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
        Http.Dispose();
        Directory.Delete(_directory, recursive: true);
        Assert.Empty(Logs.Verify());
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
