using System.Net;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.TestKit;
using NetHub.TestKit.Liblo;
using Xunit.Abstractions;

namespace NetHub.Transports.Tests;

/// <summary>NetHub endpoints against liblo (Debian liblo7 and liblo-tools): liblo's encoder in, oscdump out.</summary>
[Trait("Category", "Integration")]
public sealed class LibloInteropTests(ITestOutputHelper output) : EndpointTestKit(output)
{
    private static LibloMessage EveryLibloType() => new LibloMessage()
        .Int32(-7).Int64(1L << 40).Float(0.5f).Double(2.25).String("hello").Symbol("sym").Char('x')
        .Midi(0, 0x90, 60, 127).TimeTag(0xe8754700, 0x80000000).Blob([1, 2, 3]).True().False().Nil().Infinitum();

    private static readonly OscArgument[] EveryLibloTypeExpected =
    [
        OscArgument.Int32(-7), OscArgument.Int64(1L << 40), OscArgument.Float32(0.5f), OscArgument.Float64(2.25),
        OscArgument.String("hello"), OscArgument.Symbol("sym"), OscArgument.Char('x'),
        OscArgument.Midi(new OscMidi(0, 0x90, 60, 127)), OscArgument.TimeTag(new OscTimeTag(0xe8754700, 0x80000000)),
        OscArgument.Blob(new byte[] { 1, 2, 3 }), OscArgument.True, OscArgument.False, OscArgument.Nil, OscArgument.Impulse,
    ];

    [Fact]
    public void LibloUdp_EveryType_ReachesTheEndpoint()
    {
        IPEndPoint local = LocalOf(StartUdp());
        using LibloAddress liblo = LibloAddress.Udp("127.0.0.1", local.Port);
        using LibloMessage message = EveryLibloType();

        liblo.Send("/liblo/all", message);

        HubMessage received = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal("/liblo/all", received.Address);
        Assert.Equal(EveryLibloTypeExpected, Assert.IsType<OscPayload>(received.Payload).Arguments);
    }

    [Fact]
    public void LibloBundle_WithANestedBundle_IsDeliveredInOrder()
    {
        IPEndPoint local = LocalOf(StartUdp());
        using LibloAddress liblo = LibloAddress.Udp("127.0.0.1", local.Port);
        using LibloBundle bundle = LibloBundle.Immediately()
            .Add("/one", new LibloMessage().Int32(1))
            .Add("/two", new LibloMessage().String("2"))
            .Add(LibloBundle.Immediately().Add("/three", new LibloMessage().Float(3f)));

        liblo.Send(bundle);

        Assert.Equal(["/one", "/two", "/three"], TestActor.ReceiveN(3).Cast<HubMessage>().Select(m => m.Address));
    }

    [Fact]
    public void LibloBundle_TimedInTheFuture_IsHeldUntilItsTime()
    {
        IPEndPoint local = LocalOf(StartUdp());
        OscTimeTag at = OscTimeTag.FromDateTimeOffset(Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        using LibloAddress liblo = LibloAddress.Udp("127.0.0.1", local.Port);
        using LibloBundle bundle = new LibloBundle(at.Seconds, at.Fraction).Add("/cue/go", new LibloMessage().Int32(12));

        liblo.Send(bundle);
        AwaitCondition(() => Status(TestActorEndpoint()).Counters.BundlesIn == 1);
        TestActor.ExpectNoMsg();
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("/cue/go", TestActor.ExpectMsg<HubMessage>().Address);
    }

    [Theory]
    [InlineData(false, "size-prefix")]
    [InlineData(true, "slip")]
    public void LibloTcp_BothFramings_ReachTheServer(bool slip, string framing)
    {
        IPEndPoint local = LocalOf(Start(Define($"type = osc-tcp-server, bind = \"127.0.0.1:0\", framing = {framing}", "tcp-in")));
        using LibloAddress liblo = LibloAddress.Tcp("127.0.0.1", local.Port, slip);
        using LibloMessage message = EveryLibloType();

        liblo.Send("/liblo/tcp", message);

        HubMessage received = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal("/liblo/tcp", received.Address);
        Assert.Equal(EveryLibloTypeExpected, Assert.IsType<OscPayload>(received.Payload).Arguments);
    }

    [Fact]
    public void Udp_ToOscdump_EveryTypeAndABundle()
    {
        int port = FreePort.Udp();
        using ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        IActorRef endpoint = Start(Define($"type = osc-udp, remote = \"127.0.0.1:{port}\""));
        var tag = new OscTimeTag(0xe8754700, 0x80000000);

        AwaitAssert(() =>
        {
            endpoint.Tell(new SendMessage(Create("/ready")));
            oscdump.WaitForLine("/ready", TimeSpan.FromMilliseconds(300));
        });
        endpoint.Tell(new SendMessage(Create("/nethub/all", EveryLibloTypeExpected)));
        endpoint.Tell(new SendMessage(Create("/nethub/bundled", OscArgument.Int32(5)) is var m ? new HubMessage(m.Id, m.Time, m.Source, m.Address, m.Payload, tag) : m));

        Assert.EndsWith(
            "/nethub/all hhfdsScmtbTFNI -7 1099511627776 0.500000 2.250000 \"hello\" 'sym 'x' MIDI [0x00 0x90 0x3c 0x7f] e8754700.80000000 [3b 0x1 0x2 0x3] #T #F Nil Infinitum".Replace("hhf", "ihf", StringComparison.Ordinal),
            oscdump.WaitForLine("/nethub/all"));
        Assert.Equal("e8754700.80000000 /nethub/bundled i 5", oscdump.WaitForLine("/nethub/bundled"));
    }

    [Theory]
    [InlineData("size-prefix")]
    [InlineData("slip")]
    public void TcpClient_ToOscdump_BothFramings(string framing)
    {
        int port = FreePort.Tcp();
        using ExternalProcess oscdump = ExternalProcess.Start("oscdump", ["-L", $"osc.tcp://:{port}"]);
        IActorRef client = Start(Define($"type = osc-tcp-client, remote = \"127.0.0.1:{port}\", framing = {framing}, reconnect {{ min-backoff = 50ms, max-backoff = 50ms, random-factor = 0 }}", "desk"));
        AwaitAssert(
            () =>
            {
                Clock.Advance(TimeSpan.FromMilliseconds(50));
                Assert.StartsWith("connected", Status(client).State, StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(10));

        client.Tell(new SendMessage(Create("/over/tcp", OscArgument.Int32(3), OscArgument.String(framing))));

        Assert.EndsWith($"/over/tcp is 3 \"{framing}\"", oscdump.WaitForLine("/over/tcp"));
    }

    private static HubMessage Create(string address, params OscArgument[] args) =>
        HubMessage.Create(DateTimeOffset.UtcNow, new MessageSource("test-node", "router", null), address, new OscPayload(args));

    private IActorRef TestActorEndpoint() => Sys.TryResolve("/user/ep", out IActorRef? endpoint) ? endpoint : throw new InvalidOperationException("no endpoint");
}
