using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NetHub.Node.Control;

/// <summary>
/// The CLI's side of the control API: one HTTP request per command, the token as a bearer header, and every way of
/// not reaching a node (connection refused, no answer in time, not HTTP) turned into
/// <see cref="ControlUnreachableException"/> so the command can say so and exit 3.
/// </summary>
internal sealed class ControlClient : IDisposable
{
    private readonly HttpClient _http;

    public ControlClient(Uri baseAddress, string? token, TimeSpan timeout)
    {
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri BaseAddress { get; }

    public Task<ControlReply> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<ControlReply> PostAsync(string path, object? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<ControlReply> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), ControlJson.Options), Encoding.UTF8, "application/json");
        }

        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new ControlReply(response.StatusCode, text);
        }
        catch (HttpRequestException ex)
        {
            throw new ControlUnreachableException($"no node is listening at {Shown}: start one with `nethub run`, or pass --control ({ex.Message})", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ControlUnreachableException($"no answer from {Shown} within {_http.Timeout.TotalSeconds:0.#} s: is a nethub node listening there?", ex);
        }
    }

    private string Shown => BaseAddress.ToString().TrimEnd('/');
}
