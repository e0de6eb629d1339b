using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.History;

/// <summary>
/// The size the statistics count for a message, computed without encoding it: for OSC, the bytes of the OSC 1.0
/// message the hub would write (address string, type tag string, argument data, each padded to 4 bytes; the same
/// arithmetic as <see cref="OscCodec.GetMessageSize"/>, which needs a span the payload's list does not expose);
/// for text the UTF-8 length; for bytes and JSON their length.
/// </summary>
internal static class TrafficSize
{
    public static int Of(HubMessage message) => message.Payload switch
    {
        OscPayload osc => Osc(message.Address, osc.Arguments),
        TextPayload text => Encoding.UTF8.GetByteCount(text.Text),
        BytesPayload bytes => bytes.Bytes.Length,
        JsonPayload json => Json(json.Json),
        _ => 0,
    };

    /// <summary>address-string, ",tags" string, then the data; arrays add '[' and ']' tags and their items' data.</summary>
    public static int Osc(string address, IReadOnlyList<OscArgument> arguments) =>
        StringSize(Encoding.UTF8.GetByteCount(address)) + StringSize(1 + CountTags(arguments)) + DataSize(arguments);

    /// <summary>An OSC-string: the bytes, a NUL, then NULs to a multiple of 4.</summary>
    private static int StringSize(int byteCount) => (byteCount + 4) & ~3;

    private static int Pad(int length) => (length + 3) & ~3;

    private static int CountTags(IReadOnlyList<OscArgument> arguments)
    {
        int count = arguments.Count;
        for (int i = 0; i < arguments.Count; i++)
        {
            OscArgument argument = arguments[i];
            if (argument.Type == OscType.ArrayBegin)
            {
                count += 1 + CountTags(argument.AsArray());
            }
        }

        return count;
    }

    private static int DataSize(IReadOnlyList<OscArgument> arguments)
    {
        int size = 0;
        for (int i = 0; i < arguments.Count; i++)
        {
            OscArgument argument = arguments[i];
            size += argument.Type switch
            {
                OscType.Int32 or OscType.Float32 or OscType.Char or OscType.Rgba or OscType.Midi => 4,
                OscType.Int64 or OscType.TimeTag or OscType.Float64 => 8,
                OscType.String or OscType.Symbol => StringSize(Encoding.UTF8.GetByteCount(argument.AsString())),
                OscType.Blob => 4 + Pad(argument.AsBlob().Length),
                OscType.ArrayBegin => DataSize(argument.AsArray()),
                _ => 0,
            };
        }

        return size;
    }

    private static int Json(JsonElement json) =>
        json.ValueKind == JsonValueKind.Undefined ? 0 : JsonMarshal.GetRawUtf8Value(json).Length;
}
