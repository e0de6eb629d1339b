using NetHub.Configuration;
using NetHub.Osc;

namespace NetHub.Hub.Cues;

/// <summary>
/// Reads the show data of <see cref="CuesSettings"/>. Every key is checked against the keys its object may have, so a
/// typo such as <c>pre-wiat</c> is refused with its location rather than silently ignored.
/// </summary>
internal static class CuesConfigReader
{
    private const string TargetExpected = "a target written endpoint:/address (for example td:/mixer/ch/1/gain)";
    private static readonly string[] ListKeys = ["cues"];
    private static readonly string[] CueKeys = ["number", "name", "pre-wait", "post-wait", "continue", "actions"];
    private static readonly string[] SceneKeys = ["fade", "values"];
    private static readonly string[] PanicKeys = ["address", "args"];
    private static readonly string[] ActionKinds = ["send", "set", "scene", "go", "stop"];

    public static CuesSettings Read(Config nethub)
    {
        var endpoints = new List<(string Endpoint, string Where)>();
        string snapshots = nethub.HasPath("cues.snapshot-file") ? nethub.GetString("cues.snapshot-file").Trim() : string.Empty;
        var timing = new CueTimingSettings(nethub.GetDouble("cues.fade-rate", 1, 1000)) { SnapshotFile = snapshots.Length == 0 ? null : snapshots };
        List<SceneDefinition> scenes = ReadScenes(nethub, endpoints);
        List<CueListDefinition> lists = ReadLists(nethub, scenes, endpoints);
        List<PanicMessage> panic = ReadPanic(nethub, endpoints);
        return new CuesSettings(lists, scenes, panic, timing) { ReferencedEndpoints = endpoints };
    }

    /// <summary>A key as a one-element path: quoted, so "td:/gain" or "1.5" is not split at its dots.</summary>
    internal static string Quote(string key) => "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Where(Config config, string key) =>
        $"{config.GetOrigin(key)?.ToString() ?? "?"} ({config.Path}.{key})";

    private static List<SceneDefinition> ReadScenes(Config nethub, List<(string, string)> endpoints)
    {
        if (!nethub.HasPath("scenes"))
        {
            return [];
        }

        Config scenes = nethub.GetConfig("scenes");
        var result = new List<SceneDefinition>();
        foreach (string name in scenes.Keys)
        {
            string key = Quote(name);
            CheckName(scenes, key, name, "a scene name");
            Config scene = scenes.GetConfig(key);
            CheckKeys(scene, SceneKeys, "a scene");
            TimeSpan fade = ReadWait(scene, "fade");
            if (!scene.HasPath("values"))
            {
                throw scene.Error("values", "the scene's values, e.g. values { \"td:/mixer/ch/1/gain\" = 0.5 }");
            }

            Config values = scene.GetConfig("values");
            var read = new List<SceneValue>();
            foreach (string text in values.Keys)
            {
                string valueKey = Quote(text);
                if (!ValueTarget.TryParse(text, out ValueTarget target))
                {
                    throw values.Error(valueKey, TargetExpected, $"\"{text}\"");
                }

                read.Add(new SceneValue(target, ArgumentValues.Read(values, valueKey)));
                endpoints.Add((target.Endpoint, Where(values, valueKey)));
            }

            result.Add(new SceneDefinition(name, fade, read));
        }

        return result;
    }

    private static List<CueListDefinition> ReadLists(Config nethub, IReadOnlyList<SceneDefinition> scenes, List<(string, string)> endpoints)
    {
        if (!nethub.HasPath("cue-lists"))
        {
            return [];
        }

        Config lists = nethub.GetConfig("cue-lists");
        var listReferences = new List<(Config Action, string Kind)>();
        var result = new List<CueListDefinition>();
        foreach (string name in lists.Keys)
        {
            string key = Quote(name);
            CheckName(lists, key, name, "a cue list name");
            Config list = lists.GetConfig(key);
            CheckKeys(list, ListKeys, "a cue list");
            if (!list.HasPath("cues"))
            {
                throw list.Error("cues", "the list's cues, e.g. cues = [{ number = 1, name = \"Walk-in\", actions = [...] }]");
            }

            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var cues = new List<CueDefinition>();
            foreach (Config cue in list.GetConfigList("cues"))
            {
                cues.Add(ReadCue(cue, name, seen, scenes, endpoints, listReferences));
            }

            result.Add(new CueListDefinition(name, cues));
        }

        string known = string.Join(", ", result.Select(l => l.Name));
        foreach ((Config action, string kind) in listReferences)
        {
            string list = action.GetString(kind);
            if (!result.Any(l => string.Equals(l.Name, list, StringComparison.Ordinal)))
            {
                throw action.Error(kind, $"the name of a cue list under nethub.cue-lists ({known})", $"\"{list}\"");
            }
        }

        return result;
    }

    private static CueDefinition ReadCue(
        Config cue,
        string list,
        Dictionary<string, string> seen,
        IReadOnlyList<SceneDefinition> scenes,
        List<(string, string)> endpoints,
        List<(Config, string)> listReferences)
    {
        CheckKeys(cue, CueKeys, "a cue");
        string number = cue.HasPath("number") ? cue.GetString("number").Trim() : throw cue.Error("number", "a cue number such as 1 or 2.5");
        if (number.Length == 0)
        {
            throw cue.Error("number", "a cue number such as 1 or 2.5");
        }

        string where = Where(cue, "number");
        if (seen.TryGetValue(number, out string? first))
        {
            throw cue.Error("number", $"a cue number not used before in list {list} (cue {number} is already at {first})", number);
        }

        seen[number] = where;
        string name = cue.HasPath("name") ? cue.GetString("name") : string.Empty;
        TimeSpan preWait = ReadWait(cue, "pre-wait");
        TimeSpan postWait = ReadWait(cue, "post-wait");
        CueContinue next = cue.HasPath("continue")
            ? cue.GetChoice("continue", ("none", CueContinue.None), ("auto-continue", CueContinue.AutoContinue), ("auto-follow", CueContinue.AutoFollow))
            : CueContinue.None;
        var actions = new List<CueAction>();
        if (cue.HasPath("actions"))
        {
            foreach (Config action in cue.GetConfigList("actions"))
            {
                actions.Add(ReadAction(action, scenes, endpoints, listReferences));
            }
        }

        return new CueDefinition(number, name, preWait, postWait, next, actions, where);
    }

    private static CueAction ReadAction(Config action, IReadOnlyList<SceneDefinition> scenes, List<(string, string)> endpoints, List<(Config, string)> listReferences)
    {
        var kinds = ActionKinds.Where(action.HasPath).ToList();
        if (kinds.Count != 1)
        {
            string at = kinds.Count > 1 ? kinds[1] : action.Keys is [string first, ..] ? Quote(first) : "send";
            string got = kinds.Count > 1 ? string.Join(" and ", kinds) + " in one action (write one action per object)" : $"keys {string.Join(", ", action.Keys)}";
            throw action.Error(at, "exactly one of send, set, scene, go or stop in each action", got);
        }

        string kind = kinds[0];
        string where = Where(action, kind);
        switch (kind)
        {
            case "send":
            {
                CheckKeys(action, ["send", "args"], "a send action");
                ValueTarget target = ReadTarget(action, kind);
                endpoints.Add((target.Endpoint, where));
                IReadOnlyList<OscArgument> args = action.HasPath("args") ? ArgumentValues.Read(action, "args") : [];
                return new SendAction(target, args, where);
            }

            case "set":
            {
                CheckKeys(action, ["set", "value"], "a set action");
                ValueTarget target = ReadTarget(action, kind);
                endpoints.Add((target.Endpoint, where));
                IReadOnlyList<OscArgument> value = action.HasPath("value") ? ArgumentValues.Read(action, "value") : throw action.Error("value", "the value to set, e.g. value = 0.5");
                return new SetAction(target, value, where);
            }

            case "scene":
            {
                CheckKeys(action, ["scene", "fade"], "a scene action");
                string scene = action.GetString("scene");
                if (!scenes.Any(s => string.Equals(s.Name, scene, StringComparison.Ordinal)))
                {
                    string known = scenes.Count == 0 ? "none are defined" : string.Join(", ", scenes.Select(s => s.Name));
                    throw action.Error("scene", $"the name of a scene under nethub.scenes ({known})", $"\"{scene}\"");
                }

                TimeSpan? fade = action.HasPath("fade") ? ReadWait(action, "fade") : null;
                return new SceneAction(scene, fade, where);
            }

            case "go":
                CheckKeys(action, ["go"], "a go action");
                listReferences.Add((action, kind));
                return new GoAction(action.GetString("go"), where);

            default:
                CheckKeys(action, ["stop"], "a stop action");
                listReferences.Add((action, kind));
                return new StopAction(action.GetString("stop"), where);
        }
    }

    private static List<PanicMessage> ReadPanic(Config nethub, List<(string, string)> endpoints)
    {
        if (!nethub.HasPath("panic"))
        {
            return [];
        }

        Config panic = nethub.GetConfig("panic");
        var result = new List<PanicMessage>();
        foreach (string endpoint in panic.Keys)
        {
            string key = Quote(endpoint);
            CheckName(panic, key, endpoint, "an endpoint name");
            if (!panic.IsList(key))
            {
                throw panic.Error(key, "a list of messages, e.g. td = [{ address = \"/stop\", args = [] }]");
            }

            endpoints.Add((endpoint, Where(panic, key)));
            foreach (Config message in panic.GetConfigList(key))
            {
                CheckKeys(message, PanicKeys, "a panic message");
                string address = message.HasPath("address") ? message.GetString("address") : throw message.Error("address", "an OSC address such as /stop");
                if (!address.StartsWith('/'))
                {
                    throw message.Error("address", "an OSC address starting with / (such as /stop)", $"\"{address}\"");
                }

                IReadOnlyList<OscArgument> args = message.HasPath("args") ? ArgumentValues.Read(message, "args") : [];
                result.Add(new PanicMessage(endpoint, address, args));
            }
        }

        return result;
    }

    private static ValueTarget ReadTarget(Config action, string key)
    {
        string text = action.GetString(key);
        return ValueTarget.TryParse(text, out ValueTarget target) ? target : throw action.Error(key, TargetExpected, $"\"{text}\"");
    }

    /// <summary>A wait or fade: absent is zero; negative and infinite are refused.</summary>
    private static TimeSpan ReadWait(Config config, string key)
    {
        if (!config.HasPath(key))
        {
            return TimeSpan.Zero;
        }

        TimeSpan value = config.GetDuration(key);
        return value == Timeout.InfiniteTimeSpan ? throw config.Error(key, "a finite duration such as 0s, 500ms or 2.5s", "infinite") : value;
    }

    private static void CheckKeys(Config config, string[] known, string what)
    {
        foreach (string key in config.Keys)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                throw config.Error(Quote(key), $"one of the keys of {what}: {string.Join(", ", known)}", $"unknown key '{key}'");
            }
        }
    }

    private static void CheckName(Config parent, string key, string name, string what)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw parent.Error(key, $"{what} made of letters, digits, '-' and '_'", $"\"{name}\"");
        }
    }
}
