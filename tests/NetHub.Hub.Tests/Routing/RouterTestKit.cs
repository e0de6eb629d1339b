using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Hub.History;
using NetHub.Hub.Routing;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.TestKit;
using NetHub.Transports;
using Xunit.Abstractions;

namespace NetHub.Hub.Tests.Routing;

/// <summary>
/// A router with fake endpoints: /user/endpoints/&lt;name&gt; forward what they get to one probe per endpoint, so a
/// test sees exactly what the router sends where.
/// </summary>
public abstract class RouterTestKit(ITestOutputHelper output) : ActorTestKit(output)
{
    protected Dictionary<string, TestProbe> Endpoints { get; } = new(StringComparer.Ordinal);

    protected TestProbe Cues { get; private set; } = null!;

    protected TestProbe History { get; private set; } = null!;

    protected TestProbe Surfaces { get; private set; } = null!;

    protected IActorRef Router { get; private set; } = null!;

    protected static RouterSettings Settings(string show, params string[] endpoints)
    {
        Config config = Config.Parse(show, "show.conf").WithFallback(HubSettings.Reference).Resolve();
        return RouterSettings.FromConfig(config.GetConfig("nethub"), endpoints);
    }

    protected IActorRef StartRouter(string show, string[] endpoints, string[]? surfaceEndpoints = null)
    {
        foreach (string name in endpoints)
        {
            Endpoints[name] = CreateTestProbe(name);
        }

        Cues = CreateTestProbe("cues");
        History = CreateTestProbe("history");
        Surfaces = CreateTestProbe("surfaces");
        Dictionary<string, IActorRef> probes = Endpoints.ToDictionary(e => e.Key, e => e.Value.Ref, StringComparer.Ordinal);
        IActorRef parent = Sys.ActorOf(Props.Create(() => new FakeEndpoints(probes)), "endpoints");
        AwaitCondition(() => endpoints.All(e => Sys.TryResolve($"/user/endpoints/{e}", out _)));
        RouterSettings settings = Settings(show, endpoints);
        Router = Sys.ActorOf(Props.Create(() => new RouterActor("stage", settings, endpoints)), "router");
        IActorRef history = Sys.ActorOf(Props.Create(() => new Relay(History.Ref)), "history-relay");
        Router.Tell(new RouterWiring(parent, Cues.Ref, history, Surfaces.Ref, (surfaceEndpoints ?? []).ToHashSet(StringComparer.Ordinal)));
        return Router;
    }

    protected static HubMessage Inbound(string endpoint, string address, params OscArgument[] args) =>
        HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("stage", endpoint, "10.0.0.7:9000"), address, new OscPayload(args));

    protected SendMessage ExpectSend(string endpoint, string? address = null) =>
        Endpoints[endpoint].ExpectMsg<SendMessage>(m => address is null || m.Message.Address == address, hint: $"a send to {endpoint} {address}");

    protected static IReadOnlyList<OscArgument> Args(SendMessage send) => ((OscPayload)send.Message.Payload).Arguments;

    protected RouterCounters Counters() => AwaitResult(Router.AskAsync<RouterCounters>(GetRouterCounters.Instance, TimeSpan.FromMinutes(1)));

    /// <summary>Stands in for /user/hub/endpoints: a child per endpoint that forwards to that endpoint's probe.</summary>
    private sealed class FakeEndpoints : Actor
    {
        private readonly Dictionary<string, IActorRef> _probes;

        public FakeEndpoints(Dictionary<string, IActorRef> probes)
        {
            _probes = probes;
            Receive<ToEndpoint>(e => Context.Child(e.Endpoint)?.Forward(e.Message, Context));
        }

        protected override void PreStart()
        {
            foreach ((string name, IActorRef probe) in _probes)
            {
                Context.ActorOf(Props.Create(() => new Relay(probe)), name);
            }
        }
    }

    /// <summary>
    /// Forwards to a probe, one message at a time: batches the router passes on at the end of a run are unpacked in
    /// order. Like a real endpoint it releases each batch once done with it, so the router reuses batches and their lent
    /// payloads; what goes to the probe is each send's own copy (<see cref="SendMessage.Detach"/>).
    /// </summary>
    private sealed class Relay : Actor
    {
        public Relay(IActorRef probe)
        {
            Receive<SendBatch>(batch =>
            {
                foreach (SendMessage send in batch.Span)
                {
                    probe.Forward(send.Detach(), Context);
                }

                batch.Release();
            });
            Receive<TrafficBatch>(batch =>
            {
                foreach (Traffic traffic in batch.Reports)
                {
                    probe.Forward(traffic, Context);
                }
            });
            ReceiveAny(m => probe.Forward(m, Context));
        }
    }
}
