using System.CommandLine;
using NetHub.Osc;

namespace NetHub.Node;

/// <summary>
/// <c>nethub osc send</c> and <c>nethub osc dump</c>: the same jobs, syntax and output as liblo's
/// oscsend and oscdump, over UDP or TCP (size-prefix or SLIP framing), so they can stand in for them
/// or talk to them.
/// </summary>
internal static class OscCli
{
    public static Command Build()
    {
        var osc = new Command("osc", "OSC tools that speak liblo's oscsend/oscdump syntax, over UDP or TCP.");
        osc.Subcommands.Add(BuildSend());
        osc.Subcommands.Add(BuildDump());
        return osc;
    }

    private static Command BuildSend()
    {
        var target = new Argument<string>("TARGET") { Description = "HOST:PORT, osc.udp://HOST:PORT or osc.tcp://HOST:PORT." };
        var address = new Argument<string>("ADDRESS") { Description = "The OSC address, e.g. /cue/go." };
        var types = new Argument<string>("TYPES") { Description = "Type tags as in oscsend: i h f d s S c m T F N I (and b: hex blob, t: time).", DefaultValueFactory = _ => string.Empty };
        var values = new Argument<string[]>("VALUES") { Description = "One value per type that takes one.", Arity = ArgumentArity.ZeroOrMore };
        var tcp = new Option<bool>("--tcp") { Description = "Send over TCP (same as an osc.tcp:// target)." };
        var framing = FramingOption();
        var at = new Option<string?>("--at") { Description = "Send as a bundle timed at TIME: now, now+SECONDS (e.g. now+0.5) or SECONDS.FRACTION hex.", HelpName = "TIME" };
        var send = new Command("send", "Send one OSC message, like liblo's oscsend: nethub osc send localhost:9000 /cue/go i 12")
        {
            target, address, types, values, tcp, framing, at,
        };
        send.SetAction(async (parse, cancel) =>
        {
            TextWriter error = parse.InvocationConfiguration.Error;
            try
            {
                OscUrl url = OscUrl.Parse(parse.GetValue(target)!, parse.GetValue(tcp));
                string path = parse.GetValue(address)!;
                if (!path.StartsWith('/'))
                {
                    throw new FormatException($"'{path}' is not an OSC address: it must start with '/'");
                }

                var message = new OscMessage(path, OscTypeSyntax.Parse(parse.GetValue(types) ?? string.Empty, parse.GetValue(values) ?? [], TimeProvider.System));
                string? time = parse.GetValue(at);
                OscPacket packet = time is null ? message : new OscBundle(OscTypeSyntax.ParseTime(time, TimeProvider.System), message);
                await OscTools.SendAsync(url, packet, ParseFraming(parse.GetValue(framing)), cancel).ConfigureAwait(false);
                return NodeCli.ExitOk;
            }
            catch (FormatException ex)
            {
                await error.WriteLineAsync($"nethub osc send: {ex.Message}").ConfigureAwait(false);
                return NodeCli.ExitBadConfig;
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or OperationCanceledException)
            {
                await error.WriteLineAsync($"nethub osc send: cannot send to {parse.GetValue(target)}: {ex.Message}").ConfigureAwait(false);
                return NodeCli.ExitFailed;
            }
        });
        return send;
    }

    private static Command BuildDump()
    {
        var port = new Argument<string>("PORT") { Description = "PORT, HOST:PORT, osc.udp://:PORT or osc.tcp://:PORT." };
        var tcp = new Option<bool>("--tcp") { Description = "Listen for TCP clients (same as an osc.tcp:// URL); each client's framing (size-prefix or SLIP) is detected." };
        var count = new Option<int?>("--count") { Description = "Exit after printing this many messages.", HelpName = "N" };
        var dump = new Command("dump", "Print every OSC message received, like liblo's oscdump: TIMETAG ADDRESS TYPES ARGS, one line each.")
        {
            port, tcp, count,
        };
        dump.SetAction(async (parse, _) =>
        {
            TextWriter error = parse.InvocationConfiguration.Error;
            OscUrl url;
            try
            {
                url = OscUrl.Parse(parse.GetValue(port)!, parse.GetValue(tcp));
            }
            catch (FormatException ex)
            {
                await error.WriteLineAsync($"nethub osc dump: {ex.Message}").ConfigureAwait(false);
                return NodeCli.ExitBadConfig;
            }

            using var stop = new CancellationTokenSource();
            using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            try
            {
                await OscTools.DumpAsync(url, parse.InvocationConfiguration.Output, error, parse.GetValue(count), stop.Token).ConfigureAwait(false);
                return NodeCli.ExitOk;
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                await error.WriteLineAsync($"nethub osc dump: cannot listen on {url.HostPort}: {ex.Message}").ConfigureAwait(false);
                return NodeCli.ExitFailed;
            }
        });
        return dump;
    }

    private static Option<string> FramingOption() => new("--framing")
    {
        Description = "TCP framing: size-prefix (OSC 1.0, liblo's default) or slip (OSC 1.1).",
        DefaultValueFactory = _ => "size-prefix",
        HelpName = "size-prefix|slip",
    };

    private static OscFraming ParseFraming(string? text) => text switch
    {
        "slip" => OscFraming.Slip,
        "size-prefix" or null => OscFraming.SizePrefix,
        _ => throw new FormatException($"--framing must be size-prefix or slip, not '{text}'"),
    };
}
