using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NetHub.Node.Control;

namespace NetHub.Node;

/// <summary>
/// <c>nethub status</c>, <c>nethub cue ...</c>, <c>nethub scene ...</c>, <c>nethub panic</c> and <c>nethub send</c>: the
/// control commands, which talk to a running node's control API (docs/control.md). Exit codes: 0 done, 1 the node
/// refused the command (the reason is printed), 2 the command line was wrong, 3 no node answered.
/// </summary>
internal static class ControlCli
{
    public const int ExitRefused = 1;
    public const int ExitNoNode = 3;
    public const string DefaultUrl = "http://127.0.0.1:7400";

    /// <summary>How long a command waits for the node; above the node's own default ask-timeout of 5 s.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public static IEnumerable<Command> Build() => [BuildStatus(), BuildCue(), BuildScene(), BuildPanic(), BuildSend()];

    private static Command BuildStatus()
    {
        var json = new Option<bool>("--json") { Description = "Print the node's answer as JSON (GET /api/status) instead of tables." };
        var command = new Command("status", "Show a running node: its endpoints (state, traffic, errors, peers), the router and every cue list with its standby.") { json };
        Connection connection = Connection.AddTo(command);
        command.SetAction((parse, cancel) => RunAsync(parse, connection, "status", async (client, output, error) =>
        {
            ControlReply reply = await client.GetAsync("api/status", cancel).ConfigureAwait(false);
            if (!reply.IsSuccess)
            {
                return await RefusedAsync(reply, "status", error).ConfigureAwait(false);
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(reply.Body).ConfigureAwait(false);
            }
            else
            {
                ControlCliTables.WriteStatus(output, reply.Read<StatusResponse>(), client.BaseAddress);
            }

            return NodeCli.ExitOk;
        }));
        return command;
    }

    private static Command BuildCue()
    {
        var cue = new Command("cue", "Drive a cue list of a running node: go, back, stop, goto.");
        cue.Subcommands.Add(CueCommand("go", "GO: fire the standby cue and move standby on.", "api/cue/go"));
        cue.Subcommands.Add(CueCommand("back", "BACK: move standby to the previous cue without firing anything.", "api/cue/back"));
        cue.Subcommands.Add(CueCommand("stop", "STOP: stop the running cues of the list (of every list and scene fade without --list).", "api/cue/stop"));

        var number = new Argument<string>("NUMBER") { Description = "The cue's number as written in the show, e.g. 12 or 12.5." };
        var list = ListOption();
        var gotoCommand = new Command("goto", "GOTO: fire cue NUMBER and put the cue after it on standby.") { number, list };
        Connection connection = Connection.AddTo(gotoCommand);
        gotoCommand.SetAction((parse, cancel) => RunAsync(parse, connection, "cue goto", (client, output, error) =>
            PostAsync(client, "cue goto", Path("api/cue/goto", ("cue", parse.GetValue(number)), ("list", parse.GetValue(list))), null, output, error, cancel)));
        cue.Subcommands.Add(gotoCommand);
        return cue;
    }

    private static Command CueCommand(string name, string description, string path)
    {
        var list = ListOption();
        var command = new Command(name, description) { list };
        Connection connection = Connection.AddTo(command);
        command.SetAction((parse, cancel) => RunAsync(parse, connection, $"cue {name}", (client, output, error) =>
            PostAsync(client, $"cue {name}", Path(path, ("list", parse.GetValue(list))), null, output, error, cancel)));
        return command;
    }

    private static Command BuildScene()
    {
        var scene = new Command("scene", "Recall or snapshot a scene of a running node.");
        var name = new Argument<string>("NAME") { Description = "The scene's name." };
        var fade = new Option<double?>("--fade") { Description = "Fade time in seconds (the scene's own fade when absent).", HelpName = "SECONDS" };
        var recall = new Command("recall", "Recall scene NAME, fading over --fade seconds or the scene's own fade.") { name, fade };
        Connection recallConnection = Connection.AddTo(recall);
        recall.SetAction(async (parse, cancel) =>
        {
            double? seconds = parse.GetValue(fade);
            if (seconds is { } s && (!double.IsFinite(s) || s < 0 || s > 86_400))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"nethub scene recall: --fade must be seconds from 0 to 86400, not {s.ToString(CultureInfo.InvariantCulture)}").ConfigureAwait(false);
                return NodeCli.ExitBadConfig;
            }

            string? fadeText = seconds?.ToString("R", CultureInfo.InvariantCulture);
            return await RunAsync(parse, recallConnection, "scene recall", (client, output, error) =>
                PostAsync(client, "scene recall", Path("api/scene/recall", ("scene", parse.GetValue(name)), ("fade", fadeText)), null, output, error, cancel)).ConfigureAwait(false);
        });
        scene.Subcommands.Add(recall);

        var snapshotName = new Argument<string>("NAME") { Description = "The scene's name." };
        var snapshot = new Command("snapshot", "Store the current values of scene NAME's targets as its new values.") { snapshotName };
        Connection snapshotConnection = Connection.AddTo(snapshot);
        snapshot.SetAction((parse, cancel) => RunAsync(parse, snapshotConnection, "scene snapshot", (client, output, error) =>
            PostAsync(client, "scene snapshot", Path("api/scene/snapshot", ("scene", parse.GetValue(snapshotName))), null, output, error, cancel)));
        scene.Subcommands.Add(snapshot);
        return scene;
    }

    private static Command BuildPanic()
    {
        var command = new Command("panic", "Emergency stop: stop every running cue and fade, then send every endpoint its panic messages.");
        Connection connection = Connection.AddTo(command);
        command.SetAction((parse, cancel) => RunAsync(parse, connection, "panic", (client, output, error) =>
            PostAsync(client, "panic", "api/panic", null, output, error, cancel)));
        return command;
    }

    private static Command BuildSend()
    {
        var endpoint = new Argument<string>("ENDPOINT") { Description = "The node's endpoint to send out of, e.g. td." };
        var address = new Argument<string>("ADDRESS") { Description = "The OSC address, e.g. /cue/fired." };
        var types = new Argument<string>("TYPES") { Description = "Type tags as in oscsend: i h f d s S c m T F N I b t.", DefaultValueFactory = _ => string.Empty };
        var values = new Argument<string[]>("VALUES") { Description = "One value per type that takes one.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("send", "Send one OSC message out of an endpoint of a running node, in oscsend syntax: nethub send td /cue/fired is 1 go")
        {
            endpoint, address, types, values,
        };
        Connection connection = Connection.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            string typeText = parse.GetValue(types) ?? string.Empty;
            string[] valueTexts = parse.GetValue(values) ?? [];
            string path = parse.GetValue(address)!;
            try
            {
                if (!path.StartsWith('/'))
                {
                    throw new FormatException($"'{path}' is not an OSC address: it must start with '/'");
                }

                // Checked here too, so a typo is reported without a node and exits 2 like nethub osc send.
                OscTypeSyntax.Parse(typeText, valueTexts, TimeProvider.System);
            }
            catch (FormatException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"nethub send: {ex.Message}").ConfigureAwait(false);
                return NodeCli.ExitBadConfig;
            }

            var body = new SendRequest(parse.GetValue(endpoint), path, null, typeText, valueTexts);
            return await RunAsync(parse, connection, "send", (client, output, error) => PostAsync(client, "send", "api/send", body, output, error, cancel)).ConfigureAwait(false);
        });
        return command;
    }

    private static Option<string?> ListOption() => new("--list", "-l") { Description = "The cue list (the first list of the show when absent).", HelpName = "LIST" };

    private static string Path(string path, params (string Name, string? Value)[] query)
    {
        string[] parts = [.. query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}")];
        return parts.Length == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    private static async Task<int> PostAsync(ControlClient client, string name, string path, object? body, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ControlReply reply = await client.PostAsync(path, body, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
        {
            return await RefusedAsync(reply, name, error).ConfigureAwait(false);
        }

        await output.WriteLineAsync(reply.Message).ConfigureAwait(false);
        return NodeCli.ExitOk;
    }

    private static async Task<int> RefusedAsync(ControlReply reply, string name, TextWriter error)
    {
        if (reply.Status == System.Net.HttpStatusCode.ServiceUnavailable)
        {
            await error.WriteLineAsync($"nethub {name}: {reply.Message}").ConfigureAwait(false);
            return ExitNoNode;
        }

        await error.WriteLineAsync($"nethub {name}: refused: {reply.Message}").ConfigureAwait(false);
        return ExitRefused;
    }

    private static async Task<int> RunAsync(ParseResult parse, Connection connection, string name, Func<ControlClient, TextWriter, TextWriter, Task<int>> body)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        TextWriter error = parse.InvocationConfiguration.Error;
        string url = parse.GetValue(connection.Control) ?? DefaultUrl;
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
        {
            await error.WriteLineAsync($"nethub {name}: --control must be an http:// URL such as {DefaultUrl}, not '{url}'").ConfigureAwait(false);
            return NodeCli.ExitBadConfig;
        }

        using var client = new ControlClient(uri, parse.GetValue(connection.Token), RequestTimeout);
        try
        {
            return await body(client, output, error).ConfigureAwait(false);
        }
        catch (ControlUnreachableException ex)
        {
            await error.WriteLineAsync($"nethub {name}: {ex.Message}").ConfigureAwait(false);
            return ExitNoNode;
        }
        catch (JsonException ex)
        {
            await error.WriteLineAsync($"nethub {name}: {url} answered something that is not a nethub control API answer: {ex.Message}").ConfigureAwait(false);
            return NodeCli.ExitFailed;
        }
    }

    /// <summary>The --control and --token options every control command has.</summary>
    private sealed record Connection(Option<string> Control, Option<string?> Token)
    {
        public static Connection AddTo(Command command)
        {
            var control = new Option<string>("--control")
            {
                Description = $"The node's control API. Default: $NETHUB_CONTROL, else {DefaultUrl}.",
                HelpName = "URL",
                DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NETHUB_CONTROL") is { Length: > 0 } env ? env : DefaultUrl,
            };
            var token = new Option<string?>("--token")
            {
                Description = "The node's nethub.control.token, when it has one. Default: $NETHUB_CONTROL_TOKEN.",
                HelpName = "TOKEN",
                DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NETHUB_CONTROL_TOKEN"),
            };
            command.Options.Add(control);
            command.Options.Add(token);
            return new Connection(control, token);
        }
    }
}
