using System.Globalization;
using System.Text.Json;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Routing;

/// <summary>The two text command protocols a text endpoint can enable (<c>nethub.commands</c>).</summary>
public enum TextProtocol
{
    /// <summary>One JSON object per message: <c>{"command": "cue", "action": "go"}</c>; answered with JSON.</summary>
    Json,

    /// <summary>The seed's <c>CMD:</c> lines: <c>CMD:EMERGENCY_STOP</c>, <c>CMD:SCENE:intro</c>; answered with <c>OK:</c>/<c>ERROR:</c>/<c>STATUS:</c>.</summary>
    Cmd,
}

/// <summary>What a text command asks for: a show command, a value to set, or the status.</summary>
public sealed record TextCommand(ShowCommand? Show, SetValue? Set, bool Status);

/// <summary>
/// Parses JSON commands and <c>CMD:</c> lines (docs/routing.md, "Text commands") into what the router does with them.
/// Every refusal says what was wrong and what is accepted; JSON is read with a size and depth limit.
/// </summary>
public static class TextCommands
{
    /// <summary>Longest command accepted, in characters.</summary>
    public const int MaxLength = 64 * 1024;

    private const int MaxDepth = 8;

    private const string JsonCommands = "set, set_parameter, get_status, cue (action go, back, goto, stop), scene (action recall or snapshot) or panic";

    private const string CmdCommands = "CMD:GO[:list], CMD:BACK[:list], CMD:STOP[:list], CMD:GOTO:cue[:list], CMD:SCENE:name[:fade seconds], CMD:SNAPSHOT:name, CMD:EMERGENCY_STOP (or CMD:PANIC), CMD:STATUS";

    /// <summary>Whether <paramref name="text"/> looks like a command of <paramref name="protocol"/> at all.</summary>
    public static bool Looks(TextProtocol protocol, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> trimmed = text.AsSpan().Trim();
        return protocol == TextProtocol.Json
            ? trimmed.StartsWith("{", StringComparison.Ordinal)
            : trimmed.StartsWith("CMD:", StringComparison.OrdinalIgnoreCase);
    }

    public static TextCommand? Parse(TextProtocol protocol, string text, string origin, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            problem = $"a command is at most {MaxLength} characters; this one has {text.Length}";
            return null;
        }

        return protocol == TextProtocol.Json ? ParseJson(text, origin, out problem) : ParseCmd(text.Trim(), origin, out problem);
    }

    private static TextCommand? ParseJson(string text, string origin, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON: {ex.Message}";
            return null;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("command", out JsonElement commandElement) || commandElement.ValueKind != JsonValueKind.String)
            {
                problem = $"expected an object with a \"command\": {JsonCommands}";
                return null;
            }

            string? Str(string name) => root.TryGetProperty(name, out JsonElement e) ? e.ValueKind switch
            {
                JsonValueKind.String => e.GetString(),
                JsonValueKind.Number => e.GetRawText(),
                _ => null,
            } : null;

            string command = commandElement.GetString()!;
            switch (command)
            {
                case "get_status" or "status":
                    problem = null;
                    return new TextCommand(null, null, true);
                case "panic" or "emergency_stop":
                    problem = null;
                    return new TextCommand(new Panic(origin), null, false);
                case "set":
                    return JsonSet(root, origin, out problem);
                case "set_parameter":
                    return SetParameter(root, origin, out problem);
                case "cue":
                    return Cue(Str("action") ?? "go", Str("cue"), Str("list"), origin, out problem);
                case "scene":
                    string? name = Str("name") ?? Str("scene");
                    if (name is null)
                    {
                        problem = "scene needs \"name\"";
                        return null;
                    }

                    string action = Str("action") ?? "recall";
                    if (action == "snapshot")
                    {
                        problem = null;
                        return new TextCommand(new SceneSnapshot(name, origin), null, false);
                    }

                    return action == "recall" ? Recall(name, Str("fade"), origin, out problem) : Refuse($"scene action \"{action}\": use recall or snapshot", out problem);
                default:
                    return Refuse($"unknown command \"{command}\": use {JsonCommands}", out problem);
            }
        }
    }

    private static TextCommand? JsonSet(JsonElement root, string origin, out string? problem)
    {
        if (!root.TryGetProperty("target", out JsonElement target) || target.ValueKind != JsonValueKind.String
            || !ValueTarget.TryParse(target.GetString(), out ValueTarget parsed))
        {
            return Refuse("set needs \"target\": \"endpoint:/address\" (e.g. \"td:/mixer/ch/1/gain\")", out problem);
        }

        return SetTo(parsed, root, origin, out problem);
    }

    /// <summary>
    /// The seed's <c>set_parameter</c> ({"operator": "/project1/cam1", "parameter": "tx", "value": 3}): the operator's
    /// parameter becomes the address <c>/project1/cam1/tx</c> on the endpoint named by "endpoint" (the application
    /// that holds the operator, which the seed never had to name), or a "target" as <c>set</c> takes.
    /// </summary>
    private static TextCommand? SetParameter(JsonElement root, string origin, out string? problem)
    {
        if (root.TryGetProperty("target", out _))
        {
            return JsonSet(root, origin, out problem);
        }

        const string Shape = "set_parameter needs \"endpoint\" (the endpoint the operator's application listens on, e.g. \"td\"), \"operator\" (e.g. \"/project1/cam1\"), \"parameter\" (e.g. \"tx\") and \"value\"";
        string? endpoint = root.TryGetProperty("endpoint", out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        string? op = root.TryGetProperty("operator", out JsonElement o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        string? parameter = root.TryGetProperty("parameter", out JsonElement p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        if (endpoint is null || op is null || parameter is null)
        {
            return Refuse(Shape, out problem);
        }

        if (!op.StartsWith('/') || op.Any(char.IsWhiteSpace) || parameter.Length == 0 || parameter.Any(c => c == '/' || char.IsWhiteSpace(c)))
        {
            return Refuse($"set_parameter: \"{op}\" and \"{parameter}\" do not make an address: the operator is a path starting with '/', the parameter one name without '/' or spaces", out problem);
        }

        if (!ValueTarget.TryParse($"{endpoint}:{op.TrimEnd('/')}/{parameter}", out ValueTarget parsed))
        {
            return Refuse($"set_parameter: \"{endpoint}\" is not an endpoint name (letters, digits, '-' and '_')", out problem);
        }

        return SetTo(parsed, root, origin, out problem);
    }

    private static TextCommand? SetTo(ValueTarget parsed, JsonElement root, string origin, out string? problem)
    {
        if (!root.TryGetProperty("value", out JsonElement value))
        {
            return Refuse("set needs \"value\": a number, string, true/false or a list", out problem);
        }

        IReadOnlyList<OscArgument> arguments;
        try
        {
            arguments = value.ValueKind == JsonValueKind.Array ? PayloadConvert.FromJson(value) : [.. PayloadConvert.FromJson(JsonDocument.Parse($"[{value.GetRawText()}]").RootElement)];
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            return Refuse($"set: the value cannot be sent as OSC: {ex.Message}", out problem);
        }

        problem = null;
        return new TextCommand(null, new SetValue(parsed, arguments, origin, Lane.Reliable), false);
    }

    private static TextCommand? ParseCmd(string text, string origin, out string? problem)
    {
        string[] parts = text[4..].Split(':', StringSplitOptions.TrimEntries);
        string verb = parts[0].ToUpperInvariant();
        string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
        switch (verb)
        {
            case "EMERGENCY_STOP" or "PANIC":
                problem = null;
                return new TextCommand(new Panic(origin), null, false);
            case "STATUS":
                problem = null;
                return new TextCommand(null, null, true);
            case "GO" or "BACK" or "STOP":
                return Cue(verb.ToLowerInvariant(), null, Part(1), origin, out problem);
            case "GOTO":
                return Cue("goto", Part(1), Part(2), origin, out problem);
            case "SCENE" when Part(1) is { } scene:
                return Recall(scene, Part(2), origin, out problem);
            case "SNAPSHOT" when Part(1) is { } snapshot:
                problem = null;
                return new TextCommand(new SceneSnapshot(snapshot, origin), null, false);
            case "SCENE" or "SNAPSHOT":
                return Refuse($"CMD:{verb} needs a scene name, e.g. CMD:{verb}:intro", out problem);
            default:
                return Refuse($"unknown command \"{parts[0]}\": use {CmdCommands}", out problem);
        }
    }

    private static TextCommand? Cue(string action, string? cue, string? list, string origin, out string? problem)
    {
        problem = null;
        switch (action)
        {
            case "go":
                return new TextCommand(new CueGo(list, origin), null, false);
            case "back":
                return new TextCommand(new CueBack(list, origin), null, false);
            case "stop":
                return new TextCommand(new CueStop(list, origin), null, false);
            case "goto" when cue is not null:
                return new TextCommand(new CueGoto(cue, list, origin), null, false);
            case "goto":
                return Refuse("goto needs the cue number", out problem);
            default:
                return Refuse($"cue action \"{action}\": use go, back, goto or stop", out problem);
        }
    }

    private static TextCommand? Recall(string scene, string? fade, string origin, out string? problem)
    {
        TimeSpan? duration = null;
        if (fade is not null)
        {
            if (!double.TryParse(fade, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !double.IsFinite(seconds) || seconds < 0 || seconds > 3600)
            {
                return Refuse($"the fade must be a number of seconds from 0 to 3600, got \"{fade}\"", out problem);
            }

            duration = TimeSpan.FromSeconds(seconds);
        }

        problem = null;
        return new TextCommand(new SceneRecall(scene, duration, origin), null, false);
    }

    private static TextCommand? Refuse(string reason, out string? problem)
    {
        problem = reason;
        return null;
    }
}
