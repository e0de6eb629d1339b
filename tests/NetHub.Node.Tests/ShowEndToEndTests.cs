using System.Globalization;
using NetHub.TestKit;

namespace NetHub.Node.Tests;

/// <summary>
/// A running node between real OSC programs: liblo's oscsend plays the tablet, oscdump the show application
/// (TouchDesigner) that receives what the hub routes and what its cues send.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ShowEndToEndTests : IDisposable
{
    private static readonly TimeSpan Limit = TestTime.Dilated(TimeSpan.FromSeconds(30));
    private readonly string _directory = Directory.CreateTempSubdirectory("nethub-show-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private string WriteShow(int tabletPort, int appPort)
    {
        string path = Path.Combine(_directory, "show.conf");
        File.WriteAllText(path, $$"""
            nethub {
              endpoints {
                osc-in { type = osc-udp, bind = "127.0.0.1:{{tabletPort}}" }
                td { type = osc-udp, remote = "127.0.0.1:{{appPort}}" }
              }
              routes {
                faders {
                  from = [osc-in], address = "/1/fader{n}", to = ["td:/mixer/ch/{n}/gain"], lane = latest-value
                  transforms = [{ type = map, in = [0, 1], out = [-60, 6], mode = clamp }]
                }
              }
              cue-lists {
                main { cues = [
                  { number = 1, name = "House out", actions = [{ send = "td:/cue/fired", args = [1, "house out"] }] }
                  { number = 2, name = "Blackout", actions = [{ set = "td:/master", value = 0.0 }] }
                ] }
              }
            }
            """);
        return path;
    }

    [Fact]
    public void TabletFader_IsRoutedAndMapped_AndCueGoOverOsc_FiresTheCue()
    {
        int tablet = FreePort.Udp();
        int app = FreePort.Udp();
        using ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", Text(app)]);
        using ExternalProcess node = NodeProcess.Start("run", "--config", WriteShow(tablet, app));
        node.WaitForLine($"Endpoint 'osc-in' (osc-udp) listening on 127.0.0.1:{tablet}", Limit);

        Oscsend(tablet, "/1/fader3", "f", "0.5");
        Assert.EndsWith("/mixer/ch/3/gain f -27.000000", oscdump.WaitForLine("/mixer/ch/3/gain", Limit), StringComparison.Ordinal);

        Oscsend(tablet, "/nethub/cue/go");
        Assert.EndsWith("/cue/fired is 1 \"house out\"", oscdump.WaitForLine("/cue/fired", Limit), StringComparison.Ordinal);
        Oscsend(tablet, "/nethub/cue/go", "s", "main");
        Assert.EndsWith("/master f 0.000000", oscdump.WaitForLine("/master", Limit), StringComparison.Ordinal);
        node.WaitForLine("Hub command from osc-in", Limit);
    }

    [Fact]
    public void TextCommands_OverATcpLineEndpoint_AreAnsweredToTheSender()
    {
        int panelPort = FreePort.Tcp();
        int app = FreePort.Udp();
        string path = Path.Combine(_directory, "panel.conf");
        File.WriteAllText(path, $$"""
            nethub {
              endpoints {
                panel { type = tcp-server, bind = "127.0.0.1:{{panelPort}}" }
                td { type = osc-udp, remote = "127.0.0.1:{{app}}" }
              }
              commands { json = [panel], cmd = [panel] }
              cue-lists.main.cues = [{ number = 1, name = "Go", actions = [{ send = "td:/go" }] }]
            }
            """);
        using ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", Text(app)]);
        using ExternalProcess node = NodeProcess.Start("run", "--config", path);
        node.WaitForLine($"Endpoint 'panel' (tcp-server) listening on 127.0.0.1:{panelPort}", Limit);

        using var client = new System.Net.Sockets.TcpClient();
        client.Connect(System.Net.IPAddress.Loopback, panelPort);
        client.ReceiveTimeout = (int)Limit.TotalMilliseconds;
        using var stream = client.GetStream();
        using var writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
        using var reader = new StreamReader(stream);

        writer.WriteLine("CMD:GO");
        Assert.StartsWith("OK:GO main: cue 1 'Go' fired", reader.ReadLine(), StringComparison.Ordinal);
        Assert.EndsWith(" /go ", oscdump.WaitForLine("/go", Limit), StringComparison.Ordinal); // oscdump: address, then the (empty) types

        writer.WriteLine("""{"command": "set", "target": "td:/level", "value": 0.25}""");
        Assert.Equal("""{"ok":true,"message":"set td:/level to 0.25"}""", reader.ReadLine());
        Assert.EndsWith("/level f 0.250000", oscdump.WaitForLine("/level", Limit), StringComparison.Ordinal);

        writer.WriteLine("CMD:JUMP");
        Assert.StartsWith("ERROR:unknown command \"JUMP\"", reader.ReadLine(), StringComparison.Ordinal);
    }

    private static void Oscsend(int port, params string[] message)
    {
        using ExternalProcess oscsend = ExternalProcess.Start("oscsend", ["127.0.0.1", Text(port), .. message]);
        Assert.Equal(0, oscsend.WaitForExit(Limit));
    }
}
