using System.Globalization;
using NetHub.Hub.Cues;
using NetHub.Hub.Routing;
using NetHub.Node.Control;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NetHub.Node;

/// <summary>
/// The tables <c>nethub status</c> prints: the node line, every endpoint with state, traffic, errors and peers, the
/// router's counters and each cue list with its standby marked. Plain text (no colours) when the output is not a
/// terminal, so scripts and logs read it as well as a person.
/// </summary>
internal static class ControlCliTables
{
    public static void WriteStatus(TextWriter writer, StatusResponse status, Uri url)
    {
        IAnsiConsole console = Create(writer);
        console.WriteLine($"Node '{status.Node}'  NetHub {ShortVersion(status.Version)}  up {Uptime(status.UptimeSeconds)}  {url.ToString().TrimEnd('/')}");
        console.WriteLine();

        var endpoints = new Table().Border(TableBorder.Rounded).Title("Endpoints");
        endpoints.AddColumn("Endpoint");
        endpoints.AddColumn("Type");
        endpoints.AddColumn("State");
        endpoints.AddColumn("Local");
        endpoints.AddColumn(new TableColumn("In").RightAligned());
        endpoints.AddColumn(new TableColumn("Out").RightAligned());
        endpoints.AddColumn(new TableColumn("Errors").RightAligned());
        endpoints.AddColumn(new TableColumn("Dropped").RightAligned());
        endpoints.AddColumn(new TableColumn("Peers").RightAligned());
        foreach (EndpointSummary e in status.Endpoints)
        {
            endpoints.AddRow(Cells(e.Name, e.Type, e.State, e.Local ?? "-", Count(e.MessagesIn), Count(e.MessagesOut), Count(e.Errors), Count(e.Dropped), Peers(e)));
        }

        if (status.Endpoints.Count == 0)
        {
            endpoints.AddRow(Cells("(none configured)", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty));
        }

        console.Write(endpoints);
        console.WriteLine(Router(status.Router));

        foreach (CueListStatus list in status.CueLists)
        {
            console.WriteLine();
            CueStatus? standby = list.Cues.FirstOrDefault(c => c.Number == list.Standby);
            string standbyText = standby is null ? "nothing on standby (end of list)" : $"standby {standby.Number} '{standby.Name}'";
            var cues = new Table().Border(TableBorder.Rounded).Title($"Cue list '{list.Name}': {standbyText}");
            cues.AddColumn(" ");
            cues.AddColumn("Cue");
            cues.AddColumn("Name");
            cues.AddColumn("State");
            cues.AddColumn("Last fired");
            foreach (CueStatus cue in list.Cues)
            {
                cues.AddRow(Cells(cue.Number == list.Standby ? ">" : string.Empty, cue.Number, cue.Name, State(cue.State), cue.LastFired?.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) ?? "-"));
            }

            console.Write(cues);
        }

        if (status.CueLists.Count == 0)
        {
            console.WriteLine();
            console.WriteLine("No cue lists in this show.");
        }

        if (status.Scenes.Count > 0)
        {
            console.WriteLine($"Scenes: {string.Join(", ", status.Scenes.Select(SceneText))}");
        }

        if (status.RejectedCommands > 0)
        {
            console.WriteLine($"Refused commands since start: {status.RejectedCommands} (unknown list, cue or scene; see the node's log)");
        }
    }

    private static IAnsiConsole Create(TextWriter writer)
    {
        bool terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    private static IRenderable[] Cells(params string[] texts) => [.. texts.Select(t => new Text(t))];

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Peers(EndpointSummary e) =>
        e.Peers == e.ActivePeers ? Count(e.Peers) : $"{Count(e.ActivePeers)}/{Count(e.Peers)}";

    private static string SceneText(SceneStatus scene)
    {
        var notes = new List<string>();
        if (scene.Fading)
        {
            notes.Add($"fading {scene.Progress * 100:0}%");
        }

        if (scene.Stored is { } stored)
        {
            notes.Add("snapshot " + stored.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }

        return notes.Count == 0 ? scene.Name : $"{scene.Name} ({string.Join(", ", notes)})";
    }

    private static string State(CueState state) => state switch
    {
        CueState.PreWait => "pre-wait",
        CueState.PostWait => "post-wait",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string Router(RouterCounters r)
    {
        string failures = r.Failures.Count == 0 ? "none" : string.Join(", ", r.Failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} {Count(f.Value)}"));
        return $"Router: {Count(r.Inbound)} in, {Count(r.Routed)} routed, {Count(r.Sent)} sent, {Count(r.Coalesced)} coalesced, {Count(r.Commands)} commands; failures: {failures}";
    }

    private static string Uptime(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return span.TotalDays >= 1
            ? $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes:00}m"
            : span.TotalHours >= 1 ? $"{span.Hours}h {span.Minutes:00}m {span.Seconds:00}s" : $"{span.Minutes}m {span.Seconds:00}s";
    }

    /// <summary>"0.1.0+be4f548c..." shows as "0.1.0+be4f548".</summary>
    private static string ShortVersion(string version)
    {
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && version.Length > plus + 8 ? version[..(plus + 8)] : version;
    }
}
