using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Hub.History;
using NetHub.Osc;
using NetHub.TestKit;
using NetHub.Transports;
using Xunit.Abstractions;

namespace NetHub.Hub.Tests;

[Trait("Category", "Integration")]
public sealed class HubActorTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private PreciseScheduler? _scheduler;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _scheduler?.Dispose();
        }
    }

    /// <summary>A hub on <paramref name="show"/>, started; with <paramref name="listening"/>, its one endpoint's status once it is bound.</summary>
    private (IActorRef Hub, EndpointStatus? Listening) StartHub(string show, bool listening = false)
    {
        Config config = Config.Parse(show).WithFallback(EndpointConfiguration.Reference).WithFallback(HubSettings.Reference).Resolve();
        PreciseScheduler scheduler = _scheduler = new PreciseScheduler(Time, Logs.CreateLogger("scheduler"));
        IReadOnlyList<EndpointDefinition> endpoints = EndpointConfiguration.Read(config);
        IActorRef hub = Sys.ActorOf(Props.Create(() => new HubActor(new HubSetup("stage", endpoints, HubSettings.FromConfig(config, endpoints), scheduler))), "hub");
        if (!listening)
        {
            return (hub, null);
        }

        EndpointStatus status = null!;
        AwaitCondition(() =>
        {
            status = AwaitResult(hub.AskAsync<EndpointStatusReport>(GetAllEndpointStatus.Instance, TimeSpan.FromMinutes(1))).Endpoints.Single();
            return status.Local is not null;
        });
        return (hub, status);
    }

    [Fact]
    public void Hub_StartsTheConfiguredEndpoints_AndLogsInboundTrafficAtDebug()
    {
        (_, EndpointStatus? listening) = StartHub("nethub.endpoints.osc-in { type = osc-udp, bind = \"127.0.0.1:0\" }", listening: true);
        EndpointStatus status = listening!;
        Assert.True(Sys.TryResolve("/user/hub/endpoints/osc-in/osc-udp", out _));

        using var tablet = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        tablet.SendTo(OscCodec.Encode(new OscMessage("/fader/1", OscArgument.Float32(0.5f))), IPEndPoint.Parse(status.Local!));

        AwaitCondition(() => Logs.Contains(LogLevel.Debug, "osc-in <- 127.0.0.1:"));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 3001 && e.Message.EndsWith("/fader/1 0.5", StringComparison.Ordinal));
        Assert.True(Logs.Contains(LogLevel.Information, "Hub started with 1 endpoint(s): osc-in (osc-udp)"));
    }

    [Fact]
    public void AnEndpointsErrors_ShowInTheTrafficStatistics_ByReason_PerEndpointAndPeer()
    {
        (IActorRef hub, EndpointStatus? listening) = StartHub("nethub.endpoints.tablet { type = osc-udp, bind = \"127.0.0.1:0\" }", listening: true);
        EndpointStatus status = listening!;
        using var tablet = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        tablet.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        string peer = NetAddress.Format((IPEndPoint)tablet.LocalEndPoint!);
        byte[] unknownTag = OscCodec.Encode(new OscMessage("/x", OscArgument.Int32(1)));
        unknownTag[Array.IndexOf(unknownTag, (byte)'i')] = (byte)'Q';

        // A good message first, so the history knows the peer; then two it cannot read.
        tablet.SendTo(OscCodec.Encode(new OscMessage("/fader/1", OscArgument.Float32(0.5f))), IPEndPoint.Parse(status.Local!));
        tablet.SendTo(unknownTag, IPEndPoint.Parse(status.Local!));
        tablet.SendTo(unknownTag, IPEndPoint.Parse(status.Local!));

        TrafficStatsReport stats = null!;
        AwaitCondition(() =>
        {
            stats = AwaitResult(hub.AskAsync<TrafficStatsReport>(new GetTrafficStats(), TimeSpan.FromMinutes(1)));
            return stats.TotalErrors == 2;
        });
        ErrorCount error = Assert.Single(stats.Errors);
        Assert.Equal(("tablet", "UnknownTypeTag", 2L, peer), (error.Endpoint, error.Reason, error.Count, error.LastPeer));
        Assert.Equal(2, stats.Endpoints.Single(e => e.Endpoint == "tablet").Errors);
        Assert.Equal(2, stats.Peers.Single(p => p.Peer == peer).Errors);
    }

    [Fact]
    public void Panic_ReachesEveryEndpoint_WhileOneOfThemIsFailing()
    {
        ExpectErrorLog("already in use");
        ExpectErrorLog("were NOT delivered");
        Logs.ExpectDeadLetters(m => m is SendBatch { Count: 1 } batch && batch[0].Address == "/off");
        using var occupant = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        occupant.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var video = Listener();
        using var lights = Listener();
        (IActorRef hub, _) = StartHub($$"""
            nethub {
              endpoints {
                video { type = osc-udp, remote = "{{video.LocalEndPoint}}" }
                broken { type = osc-udp, bind = "{{occupant.LocalEndPoint}}", remote = "127.0.0.1:9" }
                lights { type = osc-udp, remote = "{{lights.LocalEndPoint}}" }
              }
              panic {
                video = [{ address = "/movie/stop" }]
                broken = [{ address = "/off" }]
                lights = [{ address = "/blackout", args = [1] }]
              }
            }
            """);
        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 1040 && e.Message.Contains("/endpoints/broken", StringComparison.Ordinal)));

        CommandResult result = AwaitResult(hub.AskAsync<CommandResult>(new Panic("test"), TimeSpan.FromMinutes(1)));

        Assert.Equal("/movie/stop", ReceiveAddress(video));
        Assert.Equal("/blackout", ReceiveAddress(lights));

        // The answer does not pretend: the failing endpoint was not there to take its message.
        Assert.False(result.Ok);
        Assert.Equal(
            "PANIC: stopped 0 cue(s) and 0 fade(s); sent video: /movie/stop; broken: /off; lights: /blackout 1; NOT delivered to broken (restarting after a failure (see the log))",
            result.Message);
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 3214 && e.Message.Contains("panic messages for broken (restarting", StringComparison.Ordinal));
    }

    [Fact]
    public void Panic_WithEveryEndpointRunning_SaysSo()
    {
        using var video = Listener();
        (IActorRef hub, _) = StartHub($$"""
            nethub {
              endpoints.video { type = osc-udp, remote = "{{video.LocalEndPoint}}" }
              panic.video = [{ address = "/movie/stop" }]
            }
            """);

        CommandResult result = AwaitResult(hub.AskAsync<CommandResult>(new Panic("test"), TimeSpan.FromMinutes(1)));

        Assert.Equal(new CommandResult(true, "PANIC: stopped 0 cue(s) and 0 fade(s); sent video: /movie/stop"), result);
        Assert.Equal("/movie/stop", ReceiveAddress(video));
    }

    private static Socket Listener()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = (int)TestTime.Dilated(TimeSpan.FromSeconds(10)).TotalMilliseconds };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static string ReceiveAddress(Socket socket)
    {
        byte[] buffer = new byte[2048];
        int length = socket.Receive(buffer);
        return ((OscMessage)OscCodec.Decode(buffer.AsSpan(0, length))).Address;
    }
}
