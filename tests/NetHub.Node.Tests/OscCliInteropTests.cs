using System.Globalization;
using NetHub.TestKit;

namespace NetHub.Node.Tests;

/// <summary><c>nethub osc send</c> and <c>nethub osc dump</c> against liblo's oscsend and oscdump, both directions, UDP and TCP.</summary>
[Trait("Category", "Integration")]
public sealed class OscCliInteropTests
{
    private static readonly TimeSpan Limit = TestTime.Dilated(TimeSpan.FromSeconds(20));

    // Every type oscsend takes, with one value each.
    private static readonly string[] OscsendArgs = ["/every/type", "ihfdsScmTFNI", "-7", "1099511627776", "0.5", "2.25", "hello", "sym", "x", "00903c7f"];

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>A dump line without its leading receive time: "/address types args".</summary>
    private static string Body(string line) => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    private static void Run(string program, params string[] args)
    {
        using ExternalProcess process = ExternalProcess.Start(program, args);
        Assert.True(process.WaitForExit(Limit) == 0, $"{program} {string.Join(' ', args)} failed:{Environment.NewLine}{process.Output}");
    }

    private static void RunNethub(params string[] args) => Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "nethub.dll"), .. args]);

    [Fact]
    public void Oscsend_ToNethubDump_PrintsWhatOscdumpPrints()
    {
        int port = FreePort.Udp();
        string expected;
        using (ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", Port(port)]))
        {
            AwaitDelivery(() => Run("oscsend", ["localhost", Port(port), .. OscsendArgs]), () => oscdump.Lines.Any(l => l.Contains("/every/type", StringComparison.Ordinal)));
            expected = Body(oscdump.WaitForLine("/every/type", Limit));
        }

        using ExternalProcess dump = NodeProcess.Start("osc", "dump", Port(port));
        dump.WaitForLine("listening on", Limit);
        Run("oscsend", ["localhost", Port(port), .. OscsendArgs]);

        Assert.Equal(expected, Body(dump.WaitForLine("/every/type", Limit)));
        Assert.Equal("/every/type ihfdsScmTFNI -7 1099511627776 0.500000 2.250000 \"hello\" 'sym 'x' MIDI [0x00 0x90 0x3c 0x7f] #T #F Nil Infinitum", expected);
    }

    [Fact]
    public void NethubSend_ToOscdump_EveryTypeIncludingBlobAndTime()
    {
        int port = FreePort.Udp();
        using ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", Port(port)]);
        string[] args = ["osc", "send", $"localhost:{port}", .. OscsendArgs[..1], OscsendArgs[1] + "bt", .. OscsendArgs[2..], "61620a", "e8754700.80000000"];

        AwaitDelivery(() => RunNethub(args), () => oscdump.Lines.Any(l => l.Contains("/every/type", StringComparison.Ordinal)));

        Assert.Equal(
            "/every/type ihfdsScmTFNIbt -7 1099511627776 0.500000 2.250000 \"hello\" 'sym 'x' MIDI [0x00 0x90 0x3c 0x7f] #T #F Nil Infinitum [3b 0x61 0x62 0xa] e8754700.80000000",
            Body(oscdump.WaitForLine("/every/type", Limit)));
    }

    [Fact]
    public void Blobs_NethubDump_PrintsThemAsOscdumpDoes()
    {
        string[] message = ["/blobs", "bbb", "0001ff", "610a", "00112233445566778899aabbcc"];
        int port = FreePort.Udp();
        string expected;
        using (ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", Port(port)]))
        {
            AwaitDelivery(() => RunNethub(["osc", "send", $"localhost:{port}", .. message]), () => oscdump.Lines.Any(l => l.Contains("/blobs", StringComparison.Ordinal)));
            expected = Body(oscdump.WaitForLine("/blobs", Limit));
        }

        using ExternalProcess dump = NodeProcess.Start("osc", "dump", Port(port));
        dump.WaitForLine("listening on", Limit);
        RunNethub(["osc", "send", $"localhost:{port}", .. message]);

        Assert.Equal(expected, Body(dump.WaitForLine("/blobs", Limit)));
        Assert.Equal("/blobs bbb [3b 00 0x1 0xff] [2b 0x61 0xa] [13 byte blob]", expected);
    }

    [Fact]
    public void NethubSend_ABundleAt_ShowsItsTimeInOscdump()
    {
        int port = FreePort.Udp();
        using ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", Port(port)]);

        AwaitDelivery(() => RunNethub("osc", "send", $"localhost:{port}", "/timed", "i", "1", "--at", "e8754700.80000000"), () => oscdump.Lines.Any(l => l.Contains("/timed", StringComparison.Ordinal)));

        Assert.Equal("e8754700.80000000 /timed i 1", oscdump.WaitForLine("/timed", Limit));
    }

    [Theory]
    [InlineData("size-prefix")]
    [InlineData("slip")]
    public void NethubSend_OverTcp_BothFramings_ToOscdump(string framing)
    {
        int port = FreePort.Tcp();
        using ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", $"osc.tcp://:{port}"]);

        AwaitDelivery(() => RunNethub("osc", "send", $"osc.tcp://localhost:{port}", "/over/tcp", "is", "1", framing, "--framing", framing), () => oscdump.Lines.Any(l => l.Contains("/over/tcp", StringComparison.Ordinal)));

        Assert.Equal($"/over/tcp is 1 \"{framing}\"", Body(oscdump.WaitForLine("/over/tcp", Limit)));
    }

    [Fact]
    public void Oscsend_OverTcp_ToNethubDump()
    {
        int port = FreePort.Tcp();
        using ExternalProcess dump = NodeProcess.Start("osc", "dump", $"osc.tcp://:{port}");
        dump.WaitForLine("listening on", Limit);

        Run("oscsend", [$"osc.tcp://localhost:{port}", "/from/liblo", "fs", "1.5", "tcp"]);

        Assert.Equal("/from/liblo fs 1.500000 \"tcp\"", Body(dump.WaitForLine("/from/liblo", Limit)));
    }

    [Fact]
    public void NethubDump_CountOption_ExitsAfterThatManyMessages()
    {
        int port = FreePort.Udp();
        using ExternalProcess dump = NodeProcess.Start("osc", "dump", Port(port), "--count", "2");
        dump.WaitForLine("listening on", Limit);

        Run("oscsend", ["localhost", Port(port), "/a", "i", "1"]);
        Run("oscsend", ["localhost", Port(port), "/b", "i", "2"]);

        Assert.Equal(0, dump.WaitForExit(Limit));
        Assert.Contains("/b i 2", dump.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void NethubSend_BadValue_ExitsWithAReason()
    {
        using ExternalProcess send = NodeProcess.Start("osc", "send", "localhost:9", "/x", "f", "loud");
        Assert.Equal(NodeCli.ExitBadConfig, send.WaitForExit(Limit));
        Assert.Contains("value #1 ('loud') is not a valid float (type 'f')", send.Output, StringComparison.Ordinal);
    }

    /// <summary>UDP to a program that may not be listening yet: resend until it shows up (bounded).</summary>
    private static void AwaitDelivery(Action send, Func<bool> arrived)
    {
        long deadline = Environment.TickCount64 + (long)Limit.TotalMilliseconds;
        do
        {
            send();
            if (SpinWait.SpinUntil(arrived, TimeSpan.FromMilliseconds(500)))
            {
                return;
            }
        }
        while (Environment.TickCount64 < deadline);

        throw new Xunit.Sdk.XunitException("the peer never received the message");
    }
}
