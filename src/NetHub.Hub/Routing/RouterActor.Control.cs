using System.Globalization;
using System.Text.Json;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Routing;

/// <summary>Hub commands over OSC (<c>/nethub/cue/go</c>...), answered to the sender with <c>/nethub/reply</c>.</summary>
public sealed partial class RouterActor
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);
    private readonly HashSet<string>? _controlEndpoints;
    private readonly HashSet<string> _jsonEndpoints;
    private readonly HashSet<string> _cmdEndpoints;

    /// <summary>The text protocol <paramref name="message"/> is a command of, if its endpoint enables one and it looks like one.</summary>
    private TextProtocol? TextCommandOf(HubMessage message)
    {
        if (message.Payload is not TextPayload text)
        {
            return null;
        }

        string endpoint = message.Source.Endpoint;
        if (_jsonEndpoints.Contains(endpoint) && TextCommands.Looks(TextProtocol.Json, text.Text))
        {
            return TextProtocol.Json;
        }

        return _cmdEndpoints.Contains(endpoint) && TextCommands.Looks(TextProtocol.Cmd, text.Text) ? TextProtocol.Cmd : null;
    }

    private void HandleTextCommand(HubMessage message, TextProtocol protocol)
    {
        _commands++;
        string origin = Origin(message);
        string text = ((TextPayload)message.Payload).Text;
        TextCommand? command = TextCommands.Parse(protocol, text, origin, out string? problem);
        if (command is null)
        {
            Fail("BadCommand", $"{origin}: {Shorten(text)}: {problem}");
            Reply(message, CommandResult.Failed(problem!), protocol);
            return;
        }

        HubLog.Command(Log, origin, protocol == TextProtocol.Json ? "JSON" : "CMD", Shorten(text));
        if (command.Status)
        {
            Reply(message, CommandResult.Done(StatusLine()), protocol, status: true);
        }
        else if (command.Set is { } set)
        {
            OnSetValue(set);
            Reply(message, CommandResult.Done($"set {set.Target} to {string.Join(" ", set.Value.Select(PayloadConvert.FormatPlain))}"), protocol);
        }
        else
        {
            Ask(message, command.Show!, protocol);
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");

    private static string Origin(HubMessage message) =>
        message.Source.Peer is null ? message.Source.Endpoint : $"{message.Source.Endpoint} {message.Source.Peer}";

    private bool IsControl(HubMessage message)
    {
        OscControlSettings control = _settings.OscControl;
        return control.Enabled
            && message.Address.Length > control.Prefix.Length
            && message.Address[control.Prefix.Length] == '/'
            && message.Address.StartsWith(control.Prefix, StringComparison.Ordinal)
            && (_controlEndpoints is null || _controlEndpoints.Contains(message.Source.Endpoint));
    }

    private void HandleControl(HubMessage message)
    {
        _commands++;
        string command = message.Address[(_settings.OscControl.Prefix.Length + 1)..];
        string origin = Origin(message);
        IReadOnlyList<OscArgument> args;
        try
        {
            args = PayloadConvert.ToOscArguments(message.Payload);
        }
        catch (FormatException ex)
        {
            Reply(message, CommandResult.Failed($"{message.Address}: {ex.Message}"), null);
            return;
        }

        if (command == "status")
        {
            Reply(message, CommandResult.Done(StatusLine()), null);
            return;
        }

        ShowCommand? show = ParseCommand(command, args, origin, out string? problem);
        if (show is null)
        {
            Fail("BadCommand", $"{origin}: {message.Address}: {problem}");
            Reply(message, CommandResult.Failed($"{message.Address}: {problem}"), null);
            return;
        }

        HubLog.Command(Log, origin, message.Address, PayloadConvert.ToText(message.Payload));
        Ask(message, show, null);
    }

    /// <summary>Gives <paramref name="show"/> to the cues actor; its answer goes back to whoever sent <paramref name="request"/>.</summary>
    private void Ask(HubMessage request, ShowCommand show, TextProtocol? protocol)
    {
        if (_wiring?.Cues is not { } cues)
        {
            Reply(request, CommandResult.Failed("this node runs no cue engine"), protocol);
            return;
        }

        // One short-lived actor per command carries the answer back, so answers never get mixed up (commands come at
        // human speed).
        IActorRef router = Self;
        IActorRef waiter = Context.ActorOf(Props.Create(() => new AnswerWaiter(request, protocol, router, CommandTimeout)));
        cues.Tell(show, waiter);
    }

    /// <summary>Maps "cue/go", "scene/recall"... and their arguments to a show command; null with a reason otherwise.</summary>
    internal static ShowCommand? ParseCommand(string command, IReadOnlyList<OscArgument> args, string origin, out string? problem)
    {
        problem = null;
        string? Text(int i) => i < args.Count ? PayloadConvert.FormatPlain(args[i]) : null;
        switch (command)
        {
            case "cue/go":
                return new CueGo(Text(0), origin);
            case "cue/back":
                return new CueBack(Text(0), origin);
            case "cue/stop":
                return new CueStop(Text(0), origin);
            case "cue/goto" when args.Count >= 1:
                return new CueGoto(Text(0)!, Text(1), origin);
            case "cue/goto":
                problem = "needs the cue number: /cue/goto <cue> [list]";
                return null;
            case "scene/recall" when args.Count >= 1:
                TimeSpan? fade = null;
                if (args.Count >= 2)
                {
                    if (!TrySeconds(args[1], out double seconds) || seconds < 0 || seconds > 3600)
                    {
                        problem = $"the fade must be a number of seconds from 0 to 3600, got {Text(1)}";
                        return null;
                    }

                    fade = TimeSpan.FromSeconds(seconds);
                }

                return new SceneRecall(Text(0)!, fade, origin);
            case "scene/snapshot" when args.Count >= 1:
                return new SceneSnapshot(Text(0)!, origin);
            case "scene/recall" or "scene/snapshot":
                problem = $"needs the scene name: /{command} <scene>";
                return null;
            case "panic":
                return new Panic(origin);
            default:
                problem = "unknown hub command; use cue/go, cue/back, cue/goto, cue/stop, scene/recall, scene/snapshot, panic or status";
                return null;
        }
    }

    private static bool TrySeconds(OscArgument argument, out double seconds)
    {
        switch (argument.Type)
        {
            case OscType.Int32:
                seconds = argument.AsInt32();
                return true;
            case OscType.Float32:
                seconds = argument.AsFloat32();
                return double.IsFinite(seconds);
            case OscType.Float64:
                seconds = argument.AsFloat64();
                return double.IsFinite(seconds);
            case OscType.String:
                return double.TryParse(argument.AsString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds);
            default:
                seconds = 0;
                return false;
        }
    }

    private string StatusLine() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"node {_node}: {_endpointNames.Count} endpoint(s), {_routes.Length} route(s); in {_inbound}, routed {_routed}, sent {_sent}, loops cut {_loopsCut}");

    private void OnControlReply(ControlReply reply) => Reply(reply.Request, reply.Result, reply.Protocol);

    /// <summary>Answers the sender of <paramref name="request"/>: OSC <c>/nethub/reply T|F "..."</c>, a JSON object, or an <c>OK:</c>/<c>ERROR:</c> line.</summary>
    private void Reply(HubMessage request, CommandResult result, TextProtocol? protocol, bool status = false)
    {
        HubPayload payload = protocol switch
        {
            TextProtocol.Json => new TextPayload(status ? StatusJson() : JsonSerializer.Serialize(new JsonReply(result.Ok, result.Message), JsonOptions)),
            TextProtocol.Cmd => new TextPayload((status ? "STATUS:" : result.Ok ? "OK:" : "ERROR:") + result.Message),
            _ => new OscPayload([result.Ok ? OscArgument.True : OscArgument.False, OscArgument.String(result.Message)]),
        };
        string address = protocol is null ? _settings.OscControl.Prefix + "/reply" : "/reply";
        Transmit(request.Source.Endpoint, HubMessage.Create(Now, _hubSource, address, payload), request.Source.Peer);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private string StatusJson() => JsonSerializer.Serialize(
        new
        {
            ok = true,
            node = _node,
            endpoints = _endpointNames,
            routes = _routes.Length,
            counters = Counters(),
        },
        JsonOptions);

    private sealed record JsonReply(bool Ok, string Message);

    private sealed record ControlReply(HubMessage Request, CommandResult Result, TextProtocol? Protocol);

    /// <summary>Waits for one command's <see cref="CommandResult"/> (or the timeout), hands it to the router, and stops.</summary>
    private sealed class AnswerWaiter : Actor
    {
        private readonly TimeSpan _timeout;

        public AnswerWaiter(HubMessage request, TextProtocol? protocol, IActorRef router, TimeSpan timeout)
        {
            _timeout = timeout;
            Receive<CommandResult>(result =>
            {
                router.Tell(new ControlReply(request, result, protocol));
                Context.Stop(Self);
            });
            Receive<TimedOut>(_ =>
            {
                router.Tell(new ControlReply(request, CommandResult.Failed($"{request.Address} got no answer within {_timeout.TotalSeconds:0} s: the cue engine is busy or has stopped (see the log)"), protocol));
                Context.Stop(Self);
            });
        }

        protected override void PreStart() => Timers.StartSingleTimer(TimedOut.Instance, TimedOut.Instance, _timeout);

        private sealed record TimedOut
        {
            public static TimedOut Instance { get; } = new();
        }
    }
}
