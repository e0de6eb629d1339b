using System.Net;
using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Messages;
using NetHub.Osc;
using Xunit.Abstractions;

namespace NetHub.Transports.Tests;

[Trait("Category", "Integration")]
public sealed class EndpointsActorTests(ITestOutputHelper output) : EndpointTestKit(output)
{
    private IActorRef StartEndpoints(string endpoints)
    {
        Config config = Config.Parse(endpoints, "show.conf").WithFallback(EndpointConfiguration.Reference).Resolve();
        IReadOnlyList<EndpointDefinition> definitions = EndpointConfiguration.Read(config);
        var context = new EndpointContext("stage", TestActor.Ref, Scheduler);
        return Sys.ActorOf(Props.Create(() => new EndpointsActor(definitions, context)), "endpoints");
    }

    private EndpointStatusReport Report(IActorRef endpoints) =>
        AwaitResult(endpoints.AskAsync<EndpointStatusReport>(GetAllEndpointStatus.Instance, TimeSpan.FromMinutes(1)));

    [Fact]
    public void EachEndpoint_RunsUnderItsOwnSupervisor_AndReportsStatus()
    {
        IActorRef endpoints = StartEndpoints("""
            nethub.endpoints {
              tablet { type = osc-udp, bind = "127.0.0.1:0" }
              desk { type = osc-tcp-server, bind = "127.0.0.1:0" }
            }
            """);

        AwaitCondition(() => Report(endpoints).Endpoints.All(e => e.Local is not null));
        EndpointStatusReport report = Report(endpoints);
        Assert.Equal(["tablet", "desk"], report.Endpoints.Select(e => e.Name));
        Assert.True(Sys.TryResolve("/user/endpoints/tablet/osc-udp", out _));
        Assert.True(Sys.TryResolve("/user/endpoints/desk/osc-tcp-server", out _));
    }

    [Fact]
    public void MessagesToAnEndpointsSupervisor_ReachTheEndpoint()
    {
        using var app = new UdpPeer();
        IActorRef endpoints = StartEndpoints($"nethub.endpoints.out {{ type = osc-udp, remote = \"{app.LocalText}\" }}");
        AwaitCondition(() => Sys.TryResolve("/user/endpoints/out/osc-udp", out _));
        Assert.True(Sys.TryResolve("/user/endpoints/out", out IActorRef? supervisor));

        supervisor.Tell(new SendMessage(HubMessage.Create(DateTimeOffset.UtcNow, new MessageSource("stage", "router", null), "/go", OscPayload.Empty)));

        Assert.Equal("/go", ((OscMessage)app.ReceiveOsc()).Address);
    }

    [Fact]
    public void AFailingEndpoint_DoesNotDisturbItsSiblings()
    {
        ExpectErrorLog("already in use");
        using var occupant = new UdpPeer();
        IActorRef endpoints = StartEndpoints($$"""
            nethub.endpoints {
              broken { type = osc-udp, bind = "{{occupant.LocalText}}" }
              healthy { type = osc-udp, bind = "127.0.0.1:0" }
            }
            """);

        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 1040 && e.Message.Contains("/endpoints/broken", StringComparison.Ordinal)));
        EndpointStatus healthy = Report(endpoints).Endpoints.Single(e => e.Name == "healthy");
        using var tablet = new UdpPeer();
        tablet.Send(new OscMessage("/still/here"), IPEndPoint.Parse(healthy.Local!));
        Assert.Equal("/still/here", TestActor.ExpectMsg<HubMessage>().Address);
        Assert.Contains("restarting", Report(endpoints).Endpoints.Single(e => e.Name == "broken").State, StringComparison.Ordinal);
    }
}
