using System.Net;
using System.Text.Json;

namespace NetHub.Node.Control;

/// <summary>An HTTP answer of the control API: status and body text.</summary>
internal sealed record ControlReply(HttpStatusCode Status, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, ControlJson.Options)
        ?? throw new JsonException($"the node answered {(int)Status} with an empty body");

    /// <summary>The <c>message</c> of a command answer or refusal, or the body itself when it is not one.</summary>
    public string Message
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out JsonElement message))
                {
                    return message.GetString() ?? string.Empty;
                }
            }
            catch (JsonException)
            {
                // Not our JSON: show what came back.
            }

            return Body.Length == 0 ? $"HTTP {(int)Status} {Status}" : Body;
        }
    }
}
