using System.Globalization;
using System.Text.Json;
using NetHub.Osc;

namespace NetHub.Messages;

/// <summary>
/// JSON rows of the table. JSON to OSC: integers that fit int32 become 'i', larger integers 'h',
/// other numbers 'f' (what OSC receivers expect), strings 's', true/false 'T'/'F', null 'N', arrays OSC
/// arrays, objects their JSON text as a string. OSC to JSON: numbers, strings, booleans and null map
/// directly; NaN and infinities (which JSON cannot hold) become the strings "NaN", "Infinity",
/// "-Infinity"; a blob becomes base64; a char a one-character string; a timetag an ISO 8601 time (or
/// "immediately"); RGBA "#rrggbbaa"; MIDI [port, status, data1, data2]; impulse the string "impulse".
/// </summary>
public static partial class PayloadConvert
{
    private const int MaxJsonDepth = 32;

    public static IReadOnlyList<OscArgument> FromJson(JsonElement json, NonFiniteFloats nonFinite = NonFiniteFloats.Keep)
    {
        if (json.ValueKind == JsonValueKind.Array)
        {
            var arguments = new List<OscArgument>(json.GetArrayLength());
            foreach (JsonElement item in json.EnumerateArray())
            {
                arguments.Add(FromJsonValue(item, 1, nonFinite));
            }

            return arguments;
        }

        return [FromJsonValue(json, 0, nonFinite)];
    }

    public static void WriteJsonValue(Utf8JsonWriter writer, OscArgument argument)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (argument.Type)
        {
            case OscType.Int32:
                writer.WriteNumberValue(argument.AsInt32());
                break;
            case OscType.Int64:
                writer.WriteNumberValue(argument.AsInt64());
                break;
            case OscType.Float32:
                WriteFloat(writer, argument.AsFloat32());
                break;
            case OscType.Float64:
                WriteFloat(writer, argument.AsFloat64());
                break;
            case OscType.String or OscType.Symbol:
                writer.WriteStringValue(argument.AsString());
                break;
            case OscType.Char:
                writer.WriteStringValue(argument.AsChar().ToString());
                break;
            case OscType.Blob:
                writer.WriteBase64StringValue(argument.AsBlob().Span);
                break;
            case OscType.TimeTag:
                OscTimeTag tag = argument.AsTimeTag();
                writer.WriteStringValue(tag.IsImmediately ? "immediately" : tag.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
                break;
            case OscType.Rgba:
                OscRgba c = argument.AsRgba();
                writer.WriteStringValue($"#{c.R:x2}{c.G:x2}{c.B:x2}{c.A:x2}");
                break;
            case OscType.Midi:
                OscMidi m = argument.AsMidi();
                writer.WriteStartArray();
                writer.WriteNumberValue(m.Port);
                writer.WriteNumberValue(m.Status);
                writer.WriteNumberValue(m.Data1);
                writer.WriteNumberValue(m.Data2);
                writer.WriteEndArray();
                break;
            case OscType.True:
                writer.WriteBooleanValue(true);
                break;
            case OscType.False:
                writer.WriteBooleanValue(false);
                break;
            case OscType.Nil:
                writer.WriteNullValue();
                break;
            case OscType.Impulse:
                writer.WriteStringValue("impulse");
                break;
            case OscType.ArrayBegin:
                writer.WriteStartArray();
                foreach (OscArgument item in argument.AsArray())
                {
                    WriteJsonValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"OSC type {argument.Type} has no JSON form", nameof(argument));
        }
    }

    private static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value))
        {
            writer.WriteStringValue("NaN");
        }
        else if (double.IsInfinity(value))
        {
            writer.WriteStringValue(value > 0 ? "Infinity" : "-Infinity");
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    private static void WriteFloat(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            // Through double would print 0.1f as 0.10000000149011612; the float's own shortest form reads back exactly.
            writer.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
        }
        else
        {
            WriteFloat(writer, (double)value);
        }
    }

    private static OscArgument FromJsonValue(JsonElement json, int depth, NonFiniteFloats nonFinite)
    {
        if (depth > MaxJsonDepth)
        {
            throw new FormatException($"JSON nested deeper than {MaxJsonDepth} levels cannot become OSC arguments");
        }

        switch (json.ValueKind)
        {
            case JsonValueKind.Number:
                if (json.TryGetInt32(out int i))
                {
                    return OscArgument.Int32(i);
                }

                if (json.TryGetInt64(out long l))
                {
                    return OscArgument.Int64(l);
                }

                return ApplyNonFinite(OscArgument.Float32((float)json.GetDouble()), nonFinite);
            case JsonValueKind.String:
                return OscArgument.String(StripNul(json.GetString()!));
            case JsonValueKind.True:
                return OscArgument.True;
            case JsonValueKind.False:
                return OscArgument.False;
            case JsonValueKind.Null:
                return OscArgument.Nil;
            case JsonValueKind.Array:
                var items = new List<OscArgument>(json.GetArrayLength());
                foreach (JsonElement item in json.EnumerateArray())
                {
                    items.Add(FromJsonValue(item, depth + 1, nonFinite));
                }

                return OscArgument.Array(items);
            default:
                return OscArgument.String(json.GetRawText());
        }
    }
}
