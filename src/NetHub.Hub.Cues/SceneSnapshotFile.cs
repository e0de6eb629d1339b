using System.Buffers;
using System.Text.Json;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Cues;

/// <summary>
/// The file scene snapshots are kept in (<c>nethub.cues.snapshot-file</c>), so a look stored during a rehearsal is
/// still there after the node restarts. JSON, one entry per snapshotted scene with when it was stored and, per
/// target, its value twice: as text for people, and as the OSC message (the target's address and arguments, base64)
/// that is read back, so every OSC type returns exactly as it was stored (a float64 stays a float64, a blob a blob).
/// Written whole to a temporary file beside it and moved over it, so a crash mid-write leaves the previous file.
/// </summary>
internal static class SceneSnapshotFile
{
    /// <summary>Names the format in the file, for whoever opens it and for a later version to recognise.</summary>
    public const string Format = "nethub-scene-snapshots/1";

    /// <summary>A snapshot file larger than this is refused rather than read: a show's scenes are far smaller.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 8, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// The scenes stored in the file at <paramref name="path"/>: null with no problem when there is no file; null
    /// with <paramref name="problem"/> saying why when it cannot be read as a whole (a value that cannot be read is
    /// left out and named in <paramref name="skipped"/> instead).
    /// </summary>
    public static Dictionary<string, StoredScene>? Load(string path, out string? problem, out List<string> skipped)
    {
        problem = null;
        skipped = [];
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                problem = $"it is {info.Length:N0} bytes, more than the {MaxBytes:N0} a snapshot file may have";
                return null;
            }

            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path), ReadOptions);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out JsonElement format) || format.GetString() != Format)
            {
                problem = $"it is not a NetHub scene snapshot file (\"format\": \"{Format}\" is missing)";
                return null;
            }

            if (!root.TryGetProperty("scenes", out JsonElement scenes) || scenes.ValueKind != JsonValueKind.Object)
            {
                problem = "it has no \"scenes\" object";
                return null;
            }

            var result = new Dictionary<string, StoredScene>(StringComparer.Ordinal);
            foreach (JsonProperty scene in scenes.EnumerateObject())
            {
                if (ReadScene(scene, skipped) is { } stored)
                {
                    result[scene.Name] = stored;
                }
            }

            return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>Writes <paramref name="scenes"/> to <paramref name="path"/> through a temporary file beside it; throws IOException or UnauthorizedAccessException.</summary>
    public static void Save(string path, IEnumerable<(string Scene, StoredScene Stored)> scenes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartObject("scenes");
            foreach ((string name, StoredScene stored) in scenes)
            {
                json.WriteStartObject(name);
                json.WriteString("saved", stored.Saved);
                json.WriteStartArray("values");
                foreach (SceneValue value in stored.Values)
                {
                    json.WriteStartObject();
                    json.WriteString("target", value.Target.ToString());
                    json.WriteString("text", string.Join(' ', value.Value.Select(PayloadConvert.FormatPlain)));
                    json.WriteBase64String("osc", OscCodec.Encode(new OscMessage(value.Target.Address, value.Value)));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        string full = Path.GetFullPath(path);
        string temporary = full + ".writing";
        File.WriteAllBytes(temporary, buffer.WrittenSpan);
        File.Move(temporary, full, overwrite: true);
    }

    private static StoredScene? ReadScene(JsonProperty scene, List<string> skipped)
    {
        JsonElement body = scene.Value;
        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("saved", out JsonElement savedText) || !savedText.TryGetDateTimeOffset(out DateTimeOffset saved)
            || !body.TryGetProperty("values", out JsonElement values) || values.ValueKind != JsonValueKind.Array)
        {
            skipped.Add($"scene {scene.Name} (needs \"saved\" and \"values\")");
            return null;
        }

        var read = new List<SceneValue>();
        foreach (JsonElement entry in values.EnumerateArray())
        {
            if (ReadValue(entry) is { } value)
            {
                read.Add(value);
            }
            else
            {
                string target = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("target", out JsonElement t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()!
                    : "an entry";
                skipped.Add($"{scene.Name}: {target} (needs \"target\" and an \"osc\" message to that address)");
            }
        }

        return new StoredScene(saved, read);
    }

    private static SceneValue? ReadValue(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("target", out JsonElement targetText) || !ValueTarget.TryParse(targetText.GetString(), out ValueTarget target)
            || !entry.TryGetProperty("osc", out JsonElement osc) || !osc.TryGetBytesFromBase64(out byte[]? bytes)
            || OscCodec.TryDecode(bytes, OscLimits.Default, out OscPacket? packet, out _) != OperationStatus.Done
            || packet is not OscMessage message || !string.Equals(message.Address, target.Address, StringComparison.Ordinal))
        {
            return null;
        }

        return new SceneValue(target, [.. message.Arguments]);
    }
}

/// <summary>A scene's values as a snapshot stored them, and when.</summary>
internal sealed record StoredScene(DateTimeOffset Saved, IReadOnlyList<SceneValue> Values);
