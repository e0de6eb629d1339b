using System.Buffers;
using System.Text;
using System.Text.Json;
using NetHub.Osc;

namespace NetHub.Messages;

/// <summary>
/// The one conversion table between payload kinds. Each row is written out in docs/messages.md;
/// every endpoint and route converts through here so a value means the same thing everywhere.
/// <code>
///            to OSC arguments           to text                   to bytes                      to JSON
/// OSC        as is                      arguments, space-joined   1 blob: its bytes, else the   array of values
///                                                                 encoded OSC message
/// text       one string argument        as is                     UTF-8                         a JSON string
/// bytes      one blob argument          UTF-8 (lossy)             as is                         base64 string
/// JSON       array: one argument per    the JSON text             UTF-8 of the JSON text        as is
///            element; scalar: one
/// </code>
/// </summary>
public static partial class PayloadConvert
{
    public static IReadOnlyList<OscArgument> ToOscArguments(HubPayload payload, NonFiniteFloats nonFinite = NonFiniteFloats.Keep)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload switch
        {
            OscPayload osc => nonFinite == NonFiniteFloats.Keep ? osc.Arguments : ApplyNonFinite(osc.Arguments, nonFinite),
            TextPayload text => [OscArgument.String(StripNul(text.Text))],
            BytesPayload bytes => [OscArgument.Blob(bytes.Bytes)],
            JsonPayload json => FromJson(json.Json, nonFinite),
            _ => throw new ArgumentException($"Unknown payload {payload.GetType().Name}", nameof(payload)),
        };
    }

    // Its own method so the lambda's closure is made only when floats need changing, not on every call.
    private static OscArgument[] ApplyNonFinite(IReadOnlyList<OscArgument> arguments, NonFiniteFloats nonFinite) =>
        [.. arguments.Select(a => ApplyNonFinite(a, nonFinite))];

    public static string ToText(HubPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload switch
        {
            OscPayload osc => string.Join(' ', osc.Arguments.Select(FormatPlain)),
            TextPayload text => text.Text,
            BytesPayload bytes => Encoding.UTF8.GetString(bytes.Bytes.Span),
            JsonPayload json => json.Json.GetRawText(),
            _ => throw new ArgumentException($"Unknown payload {payload.GetType().Name}", nameof(payload)),
        };
    }

    /// <summary>The bytes of a payload; an OSC payload is encoded as an OSC message to <paramref name="address"/> unless it is a single blob.</summary>
    public static ReadOnlyMemory<byte> ToBytes(HubPayload payload, string address)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload switch
        {
            OscPayload { Arguments: [{ Type: OscType.Blob } blob] } => blob.AsBlob(),
            OscPayload osc => OscCodec.Encode(new OscMessage(address, osc.Arguments)),
            TextPayload text => Encoding.UTF8.GetBytes(text.Text),
            BytesPayload bytes => bytes.Bytes,
            JsonPayload json => Encoding.UTF8.GetBytes(json.Json.GetRawText()),
            _ => throw new ArgumentException($"Unknown payload {payload.GetType().Name}", nameof(payload)),
        };
    }

    public static JsonElement ToJson(HubPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload is JsonPayload json)
        {
            return json.Json;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, payload);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    public static void WriteJson(Utf8JsonWriter writer, HubPayload payload)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(payload);
        switch (payload)
        {
            case OscPayload osc:
                writer.WriteStartArray();
                foreach (OscArgument argument in osc.Arguments)
                {
                    WriteJsonValue(writer, argument);
                }

                writer.WriteEndArray();
                break;
            case TextPayload text:
                writer.WriteStringValue(text.Text);
                break;
            case BytesPayload bytes:
                writer.WriteBase64StringValue(bytes.Bytes.Span);
                break;
            case JsonPayload json:
                json.Json.WriteTo(writer);
                break;
            default:
                throw new ArgumentException($"Unknown payload {payload.GetType().Name}", nameof(payload));
        }
    }

    /// <summary>An OSC message for this hub message's address and payload.</summary>
    public static OscMessage ToOscMessage(HubMessage message, NonFiniteFloats nonFinite = NonFiniteFloats.Keep)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new OscMessage(message.Address, ToOscArguments(message.Payload, nonFinite));
    }

    // An OSC string cannot hold NUL; text from a raw socket might.
    private static string StripNul(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text;
}
