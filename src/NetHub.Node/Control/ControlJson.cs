using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetHub.Node.Control;

/// <summary>
/// The one JSON shape of the control API, used by the server and the CLI alike: camelCase properties, enums as
/// kebab-case words ("pre-wait", "in"), as the documentation shows them; text unescaped where JSON allows.
/// </summary>
internal static class ControlJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },

        // Answers are read by people and scripts, never embedded in HTML: keep ' " + & readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
