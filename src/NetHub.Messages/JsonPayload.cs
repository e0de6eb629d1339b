using System.Text.Json;

namespace NetHub.Messages;

public sealed class JsonPayload : HubPayload
{
    public JsonPayload(JsonElement json) => Json = json.Clone();

    public JsonElement Json { get; }

    public override PayloadKind Kind => PayloadKind.Json;

    public override string ToString() => Json.GetRawText();
}
