using System.Net;
using NetHub.Actors;
using NetHub.Configuration;
using NetHub.TestKit;
using NetHub.Transports;
using Xunit.Abstractions;

namespace NetHub.Transports.Tests;

/// <summary>An actor test kit that can define and start endpoints, with a probe (TestActor) as the node's inbound.</summary>
public abstract class EndpointTestKit(ITestOutputHelper output, bool manualTime = true) : ActorTestKit(output, manualTime: manualTime)
{
    private PreciseScheduler? _scheduler;

    protected PreciseScheduler Scheduler => _scheduler ??= new PreciseScheduler(Time, Logs.CreateLogger("scheduler"));

    /// <summary>One endpoint from HOCON such as <c>type = osc-udp, bind = "127.0.0.1:0"</c>, over the reference defaults.</summary>
    protected static EndpointDefinition Define(string body, string name = "ep")
    {
        Config config = Config.Parse($"nethub.endpoints.{name} {{ {body} }}", "test.conf").WithFallback(EndpointConfiguration.Reference).Resolve();
        return Assert.Single(EndpointConfiguration.Read(config));
    }

    protected IActorRef Start(EndpointDefinition definition, IActorRef? inbound = null, IActorRef? errors = null) =>
        Sys.ActorOf(EndpointFactory.Create(definition, new EndpointContext("test-node", inbound ?? TestActor.Ref, Scheduler, errors)), definition.Name);

    protected IActorRef StartUdp(string extra = "", string name = "ep", IActorRef? inbound = null) =>
        Start(Define($"type = osc-udp, bind = \"127.0.0.1:0\"\n{extra}", name), inbound);

    protected EndpointStatus Status(IActorRef endpoint) =>
        AwaitResult(endpoint.AskAsync<EndpointStatus>(GetEndpointStatus.Instance, TimeSpan.FromMinutes(1)));

    protected IPEndPoint LocalOf(IActorRef endpoint)
    {
        string local = Status(endpoint).Local ?? throw new Xunit.Sdk.XunitException("the endpoint is not bound");
        return IPEndPoint.Parse(local);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _scheduler?.Dispose();
        }
    }
}
