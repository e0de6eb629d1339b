using System.Globalization;
using NetHub.Configuration;
using NetHub.Osc;

namespace NetHub.Hub.Surfaces;

/// <summary>Reads and checks the <c>controls</c> of a surface, so a typo is refused at start and not at the first touch.</summary>
internal static class ControlReader
{
    private const int MaxIds = 1024;

    private static readonly string[] OwnKeys = ["type", "address", "page", "number", "feedback-address", "ids", "count", "targets", "x", "y", "action", "scene", "cue", "list"];

    /// <summary>TouchOSC's name for each control type in its default addresses (<c>/1/fader1</c>, <c>/2/multifader3</c>).</summary>
    private static readonly (ControlType, string)[] TouchOscNames =
    [
        (ControlType.Fader, "fader"), (ControlType.Rotary, "rotary"), (ControlType.Encoder, "encoder"), (ControlType.Push, "push"),
        (ControlType.Toggle, "toggle"), (ControlType.Xy, "xy"), (ControlType.MultiFader, "multifader"), (ControlType.Label, "label"),
    ];

    private static readonly (string, ControlType)[] Types =
    [
        ("fader", ControlType.Fader), ("rotary", ControlType.Rotary), ("encoder", ControlType.Encoder), ("push", ControlType.Push),
        ("toggle", ControlType.Toggle), ("xy", ControlType.Xy), ("multi-fader", ControlType.MultiFader), ("label", ControlType.Label),
    ];

    private static readonly (string, ControlAction)[] Actions =
    [
        ("set", ControlAction.Set), ("pulse", ControlAction.Pulse), ("toggle", ControlAction.Toggle), ("scene", ControlAction.Scene),
        ("go", ControlAction.Go), ("back", ControlAction.Back), ("goto", ControlAction.Goto), ("panic", ControlAction.Panic),
    ];

    public static IReadOnlyList<ControlSettings> ReadAll(Config surface)
    {
        Config defaultsSection = surface.GetConfig("control-defaults");
        var result = new List<ControlSettings>();
        foreach (Config control in surface.GetConfigList("controls"))
        {
            foreach (string key in control.Keys)
            {
                if (!OwnKeys.Contains(key, StringComparer.Ordinal) && !ControlDefaults.Keys.Contains(key, StringComparer.Ordinal))
                {
                    throw control.Error(key, $"a control setting ({string.Join(", ", OwnKeys.Concat(ControlDefaults.Keys))})", "an unknown key");
                }
            }

            result.Add(Read(control.WithFallback(defaultsSection)));
        }

        return result;
    }

    private static ControlSettings Read(Config control)
    {
        if (!control.HasPath("type"))
        {
            throw control.Error("type", $"a control type: {string.Join(", ", Types.Select(t => t.Item1))}");
        }

        ControlType type = control.GetChoice("type", Types);
        string address = ReadAddress(control, type);
        var pattern = OscAddressPattern.Parse(address);
        ControlDefaults options = ControlDefaults.FromConfig(control);
        IReadOnlyList<string> ids = ReadIds(control, pattern, address);
        IReadOnlyList<TargetMapping> targets = ReadTargets(control, "targets", options.ControlRange, pattern);
        IReadOnlyList<TargetMapping> x = ReadTargets(control, "x", options.ControlRange, pattern);
        IReadOnlyList<TargetMapping> y = ReadTargets(control, "y", options.ControlRange, pattern);
        ControlAction action = control.HasPath("action") ? control.GetChoice("action", Actions) : ControlAction.Set;
        string? scene = control.HasPath("scene") ? control.GetString("scene") : null;
        string? cue = control.HasPath("cue") ? control.GetString("cue") : null;
        string? list = control.HasPath("list") ? control.GetString("list") : null;
        string? feedbackAddress = ReadFeedbackAddress(control, pattern);
        var settings = new ControlSettings(type, address, ids, targets, x, y, action, scene, cue, list, options, feedbackAddress);
        Check(control, settings);
        return settings;
    }

    private static string ReadAddress(Config control, ControlType type)
    {
        string address;
        if (control.HasPath("address"))
        {
            if (control.HasPath("number") || control.HasPath("page"))
            {
                throw control.Error(control.HasPath("number") ? "number" : "page", "either address, or number (and page) for TouchOSC's default address, not both");
            }

            address = control.GetString("address");
        }
        else if (control.HasPath("number"))
        {
            // TouchOSC's own names: page 1's first fader sends /1/fader1.
            int page = control.HasPath("page") ? control.GetInt("page", 1, 99) : 1;
            int number = control.GetInt("number", 1, 999);
            address = string.Create(CultureInfo.InvariantCulture, $"/{page}/{TouchOscNames.First(n => n.Item1 == type).Item2}{number}");
        }
        else
        {
            throw control.Error("address", "the OSC address the control sends, e.g. \"/1/fader1\", or number = 1 (and page = 1) for TouchOSC's default address");
        }

        if (!OscAddressPattern.TryParse(address, out OscAddressPattern? pattern, out string? error))
        {
            throw control.Error("address", "an OSC address or address pattern such as \"/1/fader1\" or \"/1/multifader1/*\"", $"\"{address}\": {error}");
        }

        if (pattern.HasPathWildcard)
        {
            throw control.Error("address", "an address without '//': each wildcard part is one id of the control", $"\"{address}\"");
        }

        // A multi-fader is named by its bank address; its faders are the parts below it.
        return type == ControlType.MultiFader && pattern.IsLiteral ? address + "/*" : address;
    }

    /// <summary>
    /// Where the control's feedback goes instead of its own address (TouchOSC layouts that show a value on another
    /// control, a device that takes its state on a separate address): one address, with <c>{1}</c>, <c>{2}</c>... for
    /// the control's wildcard parts, as in its targets.
    /// </summary>
    private static string? ReadFeedbackAddress(Config control, OscAddressPattern pattern)
    {
        if (!control.HasPath("feedback-address"))
        {
            return null;
        }

        string text = control.GetString("feedback-address");
        int highest = TargetMapping.Placeholders(text).DefaultIfEmpty(0).Max();
        string sample = TargetMapping.Substitute(text, [.. Enumerable.Repeat("1", Math.Max(highest, pattern.CaptureCount))]);
        if (!OscAddress.IsValidAddress(sample))
        {
            throw control.Error("feedback-address", "an OSC address such as \"/1/label1\" or \"/mixer/{1}/led\" ({1} is the first wildcard part of the control's address)", $"\"{text}\"");
        }

        if (highest > pattern.CaptureCount)
        {
            throw control.Error("feedback-address", $"at most {{{pattern.CaptureCount}}}: the control's address has {pattern.CaptureCount} wildcard part(s)", $"\"{text}\"");
        }

        return text;
    }

    private static List<string> ReadIds(Config control, OscAddressPattern pattern, string address)
    {
        if (control.HasPath("ids") && control.HasPath("count"))
        {
            throw control.Error("count", "either ids or count, not both");
        }

        List<string> ids;
        if (control.HasPath("count"))
        {
            int count = control.GetInt("count", 1, MaxIds);
            ids = [.. Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        }
        else if (control.HasPath("ids"))
        {
            object? value = control.GetValue("ids");
            if (value is not IReadOnlyList<object?> list || list.Count is 0 or > MaxIds || list.Any(v => v is not (string or long)))
            {
                throw control.Error("ids", $"a list of 1 to {MaxIds} ids, e.g. [1, 2, 3] or [\"a/1\", \"a/2\"] (one part per wildcard part of the address)");
            }

            ids = [.. list.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!)];
        }
        else
        {
            return [];
        }

        string key = control.HasPath("ids") ? "ids" : "count";
        if (pattern.IsLiteral)
        {
            throw control.Error(key, $"no ids: the address \"{address}\" has no wildcard part (use e.g. \"/1/multifader1/*\")");
        }

        foreach (string id in ids)
        {
            string[] parts = id.Split('/');
            string concrete = ControlSettings.FillWildcards(address, parts);
            if (parts.Length != pattern.CaptureCount || !OscAddress.IsValidAddress(concrete) || !pattern.IsMatch(concrete))
            {
                throw control.Error(key, $"ids that fill the {pattern.CaptureCount} wildcard part(s) of \"{address}\" (one '/'-separated part each)", $"\"{id}\" (gives \"{concrete}\")");
            }
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            throw control.Error(key, "ids without repeats");
        }

        return ids;
    }

    private static List<TargetMapping> ReadTargets(Config control, string key, ValueRange controlRange, OscAddressPattern pattern)
    {
        if (!control.HasPath(key))
        {
            return [];
        }

        if (!control.IsList(key))
        {
            throw control.Error(key, "a list of targets: [ { target = \"td:/mixer/ch/1/gain\", range = [-60, 6] } ]");
        }

        var result = new List<TargetMapping>();
        foreach (Config entry in control.GetConfigList(key))
        {
            foreach (string k in entry.Keys)
            {
                if (k is not ("target" or "range"))
                {
                    throw entry.Error(k, "a target setting (target, range)", "an unknown key");
                }
            }

            if (!entry.HasPath("target"))
            {
                throw entry.Error("target", "the value to drive, endpoint:/address, e.g. \"td:/mixer/ch/1/gain\"");
            }

            string text = entry.GetString("target");
            int highest = TargetMapping.Placeholders(text).DefaultIfEmpty(0).Max();
            string sample = TargetMapping.Substitute(text, [.. Enumerable.Repeat("1", Math.Max(highest, pattern.CaptureCount))]);
            if (!ValueTarget.TryParse(sample, out ValueTarget parsed) || !OscAddress.IsValidAddress(parsed.Address))
            {
                throw entry.Error("target", "endpoint:/address, e.g. \"td:/mixer/ch/{1}/gain\" ({1} is the first wildcard part of the control's address)", $"\"{text}\"");
            }

            if (highest > pattern.CaptureCount)
            {
                throw entry.Error("target", $"at most {{{pattern.CaptureCount}}}: the control's address has {pattern.CaptureCount} wildcard part(s)", $"\"{text}\"");
            }

            ValueRange range = entry.HasPath("range") ? ValueRange.Read(entry, "range") : controlRange;
            result.Add(new TargetMapping(text, range));
        }

        return result;
    }

    private static void Check(Config control, ControlSettings c)
    {
        bool hasValues = c.Targets.Count + c.X.Count + c.Y.Count > 0;
        string type = Types.First(t => t.Item2 == c.Type).Item1;
        if (c.Type == ControlType.Xy)
        {
            if (c.Targets.Count > 0)
            {
                throw control.Error("targets", "x and y target lists for an xy pad (x = [ ... ], y = [ ... ])");
            }

            if (c.X.Count + c.Y.Count == 0)
            {
                throw control.Error("x", "targets for the pad's x or y: x = [ { target = \"td:/cam/tx\", range = [-10, 10] } ]");
            }
        }
        else if (c.X.Count + c.Y.Count > 0)
        {
            throw control.Error(c.X.Count > 0 ? "x" : "y", $"targets = [ ... ]: only an xy pad has x and y (this control is a {type})");
        }

        bool isButton = c.Type is ControlType.Push or ControlType.Toggle;
        if (c.Action is ControlAction.Pulse or ControlAction.Toggle && c.Type != ControlType.Push)
        {
            throw control.Error("action", $"set, or a command: pulse and toggle actions need a push button (this control is a {type})");
        }

        if (c.IsCommand && !isButton)
        {
            throw control.Error("action", $"set: commands fire on a press, from a push or toggle button (this control is a {type})");
        }

        if (c.Type == ControlType.Label && c.Targets.Count == 0)
        {
            throw control.Error("targets", "the target the label shows: targets = [ { target = \"td:/show/title\" } ]");
        }

        if (!c.IsCommand && !hasValues)
        {
            throw control.Error("targets", $"targets for the control's value, or a command action (scene, go, back, goto, panic): this {type} would do nothing");
        }

        if (c.Action == ControlAction.Scene && string.IsNullOrWhiteSpace(c.Scene))
        {
            throw control.Error("scene", "the name of the scene to recall");
        }

        if (c.Action == ControlAction.Goto && string.IsNullOrWhiteSpace(c.Cue))
        {
            throw control.Error("cue", "the number of the cue to go to, as written in the cue list, e.g. \"5\" or \"12.5\"");
        }

        if (hasValues && !c.IsEnumerable)
        {
            throw control.Error("address", "ids = [ ... ] or count = N: a control with wildcards needs its ids so every target is known and feedback can reach each control", $"\"{c.Address}\"");
        }

        if (c.Type == ControlType.MultiFader && c.Ids.Count == 0)
        {
            throw control.Error("count", "the number of faders in the bank (count = 8), or their ids");
        }
    }
}
