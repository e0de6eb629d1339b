using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetHub.TestKit;
using NetHub.TestKit.Liblo;
using Xunit.Sdk;

namespace NetHub.Node.Tests;

/// <summary>
/// The documented example show, hocon/examples/show.conf, run by the real executable as it ships, with its addresses
/// pointed at loopback ports: liblo's oscsend plays the TouchOSC tablet, and oscdump plays TouchDesigner, the
/// tablet's receiving port and (OSC over TCP, size-prefix framing) the lighting desk. Every expected value is worked
/// out from what show.conf declares.
/// </summary>
/// <remarks>
/// One override is not an address. show.conf leaves the surface's feedback at the default, <c>peers</c>: a reply to
/// the address each of the tablet's messages came from. oscsend sends every message from a new ephemeral port that
/// nothing listens on, so the tests set <c>feedback = remote</c>, which sends feedback to the tablet endpoint's
/// <c>remote</c> (the oscdump). Every oscsend message is also a tablet appearing for the first time, which is sent
/// every current value; the touch test plays its tablet with liblo in-process instead, whose messages all leave from
/// one port as a real tablet's do, so that what arrives on release can only be the release's doing.
/// </remarks>
[Trait("Category", "Integration")]
public sealed class ExampleShowEndToEndTests : IDisposable
{
    private static readonly TimeSpan Limit = TestTime.Dilated(TimeSpan.FromSeconds(30));
    private readonly string _directory = Directory.CreateTempSubdirectory("nethub-example-show-").FullName;
    private readonly List<ExternalProcess> _processes = [];
    private readonly int _tabletIn;
    private readonly int _tabletOut;
    private readonly int _tdPort;
    private readonly int _lightsPort = FreePort.Tcp();
    private ExternalProcess _node = null!;
    private ExternalProcess _td = null!;
    private ExternalProcess _tablet = null!;
    private ExternalProcess _lights = null!;

    public ExampleShowEndToEndTests()
    {
        var udp = new HashSet<int>();
        while (udp.Count < 3)
        {
            udp.Add(FreePort.Udp());
        }

        (_tabletIn, _tabletOut, _tdPort) = (udp.ElementAt(0), udp.ElementAt(1), udp.ElementAt(2));
    }

    public void Dispose()
    {
        foreach (ExternalProcess process in _processes)
        {
            process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void TabletControls_ReachTouchDesigner_MappedIntoTheirTargetsRanges()
    {
        StartShow();

        // A finger on the master fader (/z 1), two moves, and off again (/z 0). The fader drives td:/master/level over
        // [-60, 6] dB: 0.25 is -60 + 0.25 * 66 = -43.5 dB, and 1.5, past the end, sends the end. The label on the same
        // target follows at once, formatted "{0:0.0} dB".
        Oscsend("/1/fader1/z", "f", "1");
        Oscsend("/1/fader1", "f", "0.25");
        Assert.Equal("/master/level f -43.500000", Next(_td, "/master/level"));
        WaitForBodies(_tablet, "/1/label1 s \"-43.5 dB\"");
        Oscsend("/1/fader1", "f", "1.5");
        Assert.Equal("/master/level f 6.000000", Next(_td, "/master/level"));
        WaitForBodies(_tablet, "/1/label1 s \"6.0 dB\"");

        // Each oscsend is a tablet appearing, which is sent every value; the fader, held until now, is shown where the
        // finger left it, at the top (the value the router held before the last move must not come back).
        Oscsend("/1/fader1/z", "f", "0");
        Assert.Equal("/1/fader1 f 1.000000", Next(_tablet, "/1/fader1"));

        // The multi-fader bank: fader 3 drives td:/layer/3/opacity ({1} is its id), over [0, 1].
        Oscsend("/1/multifader1/3", "f", "0.4");
        Assert.Equal("/layer/3/opacity f 0.400000", Next(_td, "/layer/3/opacity"));

        // The XY pad: x and y each over [-5, 5].
        Oscsend("/1/xy1", "ff", "0.5", "0.75");
        Assert.Equal("/cam/tx f 0.000000", Next(_td, "/cam/tx"));
        Assert.Equal("/cam/ty f 2.500000", Next(_td, "/cam/ty"));

        StopShow();
    }

    [Fact]
    public void GoButton_FiresThePreshowCue_AndTheTabletFollowsWhatItChanges()
    {
        StartShow();
        MasterDownThenGo();
        _node.WaitForLine("Surface touchosc: GO on list main from /1/push1: GO main: cue 1 'Preshow' fired; standby 2 'House out'", Limit);

        // Cue 1 recalls scene preshow (fade 3s). The layers hold no value yet, so they are set at once; the master
        // fades from where the fader left it (-43.5) to the scene's -10, whose last value is sent exactly.
        Assert.Equal("/layer/1/opacity f 1.000000", Next(_td, "/layer/1/opacity"));
        Assert.Equal("/layer/2/opacity f 0.000000", Next(_td, "/layer/2/opacity"));
        float[] fade = Numbers(Collect(_td, "/master/level", "/master/level f -10.000000"));
        Assert.Equal(-43.5f, fade[0]);
        Assert.Equal(fade.Order(), fade);
        Assert.All(fade, level => Assert.InRange(level, -43.5f, -10f));

        // nethub.cues.fade-rate (50 a second, reference.conf) over 3 s: the first value, one a 20 ms tick, the exact last.
        Assert.InRange(fade.Length, 3, 151);

        // Feedback: what the cue changed comes back to the tablet's port, mapped into each control's range. The
        // master's -10 dB is (-10 + 60) / 66 = 0.757576 on the fader and "-10.0 dB" on the label; the layers are 1
        // and 0 on multi-faders 1 and 2. On its way the fader is shown the fade, never outside where it ran.
        List<string> shown = Collect(_tablet, string.Empty, "/1/fader1 f 0.757576");
        Assert.Contains("/1/multifader1/1 f 1.000000", shown);
        Assert.Contains("/1/multifader1/2 f 0.000000", shown);
        Assert.All(Numbers([.. shown.Where(s => s.StartsWith("/1/fader1 ", StringComparison.Ordinal))]), v => Assert.InRange(v, 0.25f, 0.757576f));
        WaitForBodies(_tablet, "/1/label1 s \"-10.0 dB\"");

        StopShow();
    }

    [Fact]
    public void TouchedFader_IsNotMovedByTheCue_AndIsShownTheLatestValueOnRelease()
    {
        StartShow();
        using LibloAddress tablet = LibloAddress.Udp("127.0.0.1", _tabletIn);

        // TouchOSC sends /z 1 when a finger lands on the fader, then its values. The finger stays while the other
        // hand presses GO (and lets go of it).
        Send(tablet, "/1/fader1/z", 1);
        Send(tablet, "/1/fader1", 0.25f);
        Assert.Equal("/master/level f -43.500000", Next(_td, "/master/level"));
        Send(tablet, "/1/push1", 1);
        Send(tablet, "/1/push1", 0);
        _node.WaitForLine("GO on list main from /1/push1: GO main: cue 1 'Preshow' fired", Limit);
        Collect(_td, "/master/level", "/master/level f -10.000000");

        // Another tablet appears and is sent every value, which marks the end of the feedback for the fade (sent
        // before it). Neither it nor the fade moved the held fader; GO's last state (released) is a line only this sends.
        Oscsend("/1");
        WaitForBodies(_tablet, "/1/push1 f 0.000000");
        Assert.DoesNotContain(_tablet.Lines, line => line.Contains(" /1/fader1 ", StringComparison.Ordinal));
        Assert.Contains(_tablet.Lines, line => line.EndsWith(" /1/label1 s \"-10.0 dB\"", StringComparison.Ordinal));

        // The finger lifts: the fader is shown where the cue left the master, (-10 + 60) / 66.
        Send(tablet, "/1/fader1/z", 0);
        Assert.Equal("/1/fader1 f 0.757576", Next(_tablet, "/1/fader1"));

        StopShow();

        // Two tablets appeared (liblo's and oscsend's), so the release's was no appearance.
        Assert.Equal(2, _node.Lines.Count(line => line.Contains("appeared on endpoint tablet; sending it the current value of every control", StringComparison.Ordinal)));
    }

    [Fact]
    public void PanicButton_AndPanicCommand_StopTheShowAndSendThePanicMessages()
    {
        StartShow();
        MasterDownThenGo();
        _node.WaitForLine("GO main: cue 1 'Preshow' fired", Limit);

        // The emergency stop on the tablet, while cue 1 fades the master (3 s): the fade and its cue stop, then td
        // and lights are sent their panic messages, in the order show.conf lists them.
        Oscsend("/1/push4", "f", "1");
        Assert.Contains(
            "PANIC pressed by surface touchosc: stopped 1 cue(s) and 1 fade(s); sent td: /movie/stop, /master/level -60; lights: /eos/key/go_to_cue_0",
            _node.WaitForLine("PANIC pressed by", Limit),
            StringComparison.Ordinal);
        Assert.Equal("/movie/stop", Next(_td, "/movie/stop"));
        Assert.Equal("/master/level f -60.000000", Next(_td, "/master/level"));
        Assert.Equal("/eos/key/go_to_cue_0", Next(_lights, "/eos/key/go_to_cue_0"));

        // -60 dB is the bottom of the master fader's range: the tablet shows it.
        WaitForBodies(_tablet, "/1/fader1 f 0.000000", "/1/label1 s \"-60.0 dB\"");

        // The same from any OSC sender, as a hub command.
        Oscsend("/nethub/panic");
        Assert.Contains(
            "stopped 0 cue(s) and 0 fade(s); sent td: /movie/stop, /master/level -60; lights: /eos/key/go_to_cue_0",
            _node.WaitForLine("PANIC pressed by tablet 127.0.0.1:", Limit),
            StringComparison.Ordinal);
        Assert.Equal("/movie/stop", Next(_td, "/movie/stop"));
        Assert.Equal("/master/level f -60.000000", Next(_td, "/master/level"));
        Assert.Equal("/eos/key/go_to_cue_0", Next(_lights, "/eos/key/go_to_cue_0"));

        StopShow("PANIC pressed by");
    }

    [Fact]
    public void TabletThatAppears_IsSentEveryCurrentValue()
    {
        StartShow();

        // One tablet moves the XY pad (x 0.5, y 0.75: td gets 0 and 2.5) between touch messages. Released, the pad is
        // shown to the tablet that sent the release (every oscsend is one appearing), as it is the only value known.
        Oscsend("/1/xy1/z", "f", "1");
        Oscsend("/1/xy1", "ff", "0.5", "0.75");
        Assert.Equal("/cam/tx f 0.000000", Next(_td, "/cam/tx"));
        Assert.Equal("/cam/ty f 2.500000", Next(_td, "/cam/ty"));
        Oscsend("/1/xy1/z", "f", "0");
        Assert.Equal("/1/xy1 ff 0.500000 0.750000", Body(_tablet.WaitForLine(string.Empty, Limit)));

        // Cue 1 as a hub command, which no surface sees: the master and layers hold no value yet, so scene preshow
        // sets them at once, and the tablet's port is shown each change.
        Oscsend("/nethub/cue/go");
        _node.WaitForLine("Hub command from tablet", Limit);
        WaitForBodies(_td, "/master/level f -10.000000", "/layer/1/opacity f 1.000000", "/layer/2/opacity f 0.000000");
        string[] changes = [.. Enumerable.Range(0, 4).Select(_ => Body(_tablet.WaitForLine(string.Empty, Limit)))];
        Assert.Equal(["/1/fader1 f 0.757576", "/1/label1 s \"-10.0 dB\"", "/1/multifader1/1 f 1.000000", "/1/multifader1/2 f 0.000000"], changes);

        // A tablet appears (TouchOSC sends the page's address, /1): it is sent the current value of every control, in
        // the order show.conf declares them. Multi-faders 3 and 4 and the buttons have no value, so nothing for them.
        Oscsend("/1");
        _node.WaitForLine("appeared on endpoint tablet; sending it the current value of every control", Limit);
        string[] sent = [.. Enumerable.Range(0, 5).Select(_ => Body(_tablet.WaitForLine(string.Empty, Limit)))];
        Assert.Equal(
            ["/1/fader1 f 0.757576", "/1/multifader1/1 f 1.000000", "/1/multifader1/2 f 0.000000", "/1/xy1 ff 0.500000 0.750000", "/1/label1 s \"-10.0 dB\""],
            sent);

        StopShow();
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string ExampleShow()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "NetHub.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? throw new InvalidOperationException("NetHub.sln not found above " + AppContext.BaseDirectory), "hocon", "examples", "show.conf");
    }

    /// <summary>
    /// The oscdumps, then the node on the example show in the temporary directory (so its snapshot file lands there),
    /// with the tablet, TouchDesigner and the desk on loopback; returns once every part reports ready.
    /// </summary>
    private void StartShow()
    {
        _td = Track(ExternalProcess.Start("oscdump", ["-L", Text(_tdPort)]));
        _tablet = Track(ExternalProcess.Start("oscdump", ["-L", Text(_tabletOut)]));
        _lights = Track(ExternalProcess.Start("oscdump", ["-L", $"osc.tcp://:{Text(_lightsPort)}"]));

        // The desk listens before the node connects: a refused first attempt would be logged as a warning.
        if (!SpinWait.SpinUntil(() => Accepts(_lightsPort), Limit))
        {
            throw new XunitException($"oscdump did not listen on TCP port {_lightsPort} within {Limit.TotalSeconds:0} s: {_lights.Output}");
        }

        _node = Track(NodeProcess.StartIn(
            _directory,
            "run",
            "--config",
            ExampleShow(),
            "--set",
            $"nethub.endpoints.tablet.bind = \"127.0.0.1:{Text(_tabletIn)}\"",
            "--set",
            $"nethub.endpoints.tablet.remote = \"127.0.0.1:{Text(_tabletOut)}\"",
            "--set",
            $"nethub.endpoints.td.remote = \"127.0.0.1:{Text(_tdPort)}\"",
            "--set",
            $"nethub.endpoints.lights.remote = \"127.0.0.1:{Text(_lightsPort)}\"",
            "--set",
            "nethub.surfaces.touchosc.feedback = remote"));
        WaitForFragments(
            _node,
            $"No scene snapshots in {Path.Combine(_directory, "show.snapshots.json")} yet",
            "Cues ready: main (4 cues); 2 scene(s); panic sends 2 message(s) to td, 1 message(s) to lights",
            $"Endpoint 'tablet' (osc-udp) listening on 127.0.0.1:{Text(_tabletIn)} (UDP), sending to 127.0.0.1:{Text(_tabletOut)}",
            "Surface touchosc on endpoint tablet: 10 control(s), 7 target(s), feedback Remote",
            $"Endpoint 'lights' connected to 127.0.0.1:{Text(_lightsPort)}");
    }

    /// <summary>The master fader to a quarter (-43.5 dB at td), then GO on the tablet.</summary>
    private void MasterDownThenGo()
    {
        Oscsend("/1/fader1", "f", "0.25");
        Assert.Equal("/master/level f -43.500000", Next(_td, "/master/level"));
        Oscsend("/1/push1", "f", "1");
    }

    /// <summary>Stops the node as a service manager would: it exits 0, having logged no warning or error but those expected.</summary>
    private void StopShow(params string[] expectedWarnings)
    {
        _node.Signal("TERM");
        Assert.Equal(0, _node.WaitForExit(Limit));
        Assert.Contains("Node 'test-node' stopped", _node.Output, StringComparison.Ordinal);
        string[] unexpected = [.. _node.Lines.Where(line =>
            (line.Contains(" warn: ", StringComparison.Ordinal) || line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal))
            && !expectedWarnings.Any(expected => line.Contains(expected, StringComparison.Ordinal)))];
        if (unexpected.Length > 0)
        {
            throw new XunitException($"The node logged:{Environment.NewLine}{string.Join(Environment.NewLine, unexpected)}");
        }
    }

    private ExternalProcess Track(ExternalProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static bool Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Oscsend(params string[] message)
    {
        using ExternalProcess oscsend = ExternalProcess.Start("oscsend", ["127.0.0.1", Text(_tabletIn), .. message]);
        Assert.Equal(0, oscsend.WaitForExit(Limit));
    }

    private static void Send(LibloAddress tablet, string address, float value)
    {
        using var message = new LibloMessage();
        tablet.Send(address, message.Float(value));
    }

    /// <summary>An oscdump line without its time tag: "/master/level f -10.000000".</summary>
    private static string Body(string line) => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..].TrimEnd();

    /// <summary>The next message <paramref name="dump"/> prints at <paramref name="address"/>; earlier lines are skipped.</summary>
    private static string Next(ExternalProcess dump, string address) => Body(dump.WaitForLine($" {address} ", Limit));

    /// <summary>
    /// The messages <paramref name="dump"/> prints next (at <paramref name="address"/>, or all for an empty one), up
    /// to and including <paramref name="last"/>.
    /// </summary>
    private static List<string> Collect(ExternalProcess dump, string address, string last)
    {
        long deadline = Environment.TickCount64 + (long)Limit.TotalMilliseconds;
        string fragment = address.Length == 0 ? string.Empty : $" {address} ";
        var bodies = new List<string>();
        while (bodies.Count == 0 || bodies[^1] != last)
        {
            bodies.Add(Body(dump.WaitForLine(fragment, Left(deadline))));
        }

        return bodies;
    }

    private static float[] Numbers(IEnumerable<string> bodies) =>
        [.. bodies.Select(body => float.Parse(body[(body.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture))];

    /// <summary>Waits until <paramref name="dump"/> has printed each of <paramref name="bodies"/>, in any order.</summary>
    private static void WaitForBodies(ExternalProcess dump, params string[] bodies) =>
        WaitFor(dump, bodies, (line, body) => Body(line) == body);

    /// <summary>Waits until <paramref name="process"/> has printed a line containing each of <paramref name="fragments"/>, in any order.</summary>
    private static void WaitForFragments(ExternalProcess process, params string[] fragments) =>
        WaitFor(process, fragments, (line, fragment) => line.Contains(fragment, StringComparison.Ordinal));

    private static void WaitFor(ExternalProcess process, string[] expected, Func<string, string, bool> matches)
    {
        long deadline = Environment.TickCount64 + (long)Limit.TotalMilliseconds;
        var missing = new List<string>(expected);
        while (missing.Count > 0)
        {
            try
            {
                string line = process.WaitForLine(string.Empty, Left(deadline));
                missing.RemoveAll(m => matches(line, m));
            }
            catch (XunitException ex)
            {
                throw new XunitException($"Still waiting for [{string.Join(", ", missing)}]. {ex.Message}");
            }
        }
    }

    private static TimeSpan Left(long deadline) => TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
}
