using NetHub.Actors;
using NetHub.Hub.Cues;
using NetHub.Hub.History;
using NetHub.Hub.Routing;
using NetHub.Hub.Surfaces;
using NetHub.Messages;
using NetHub.Transports;

namespace NetHub.Hub;

/// <summary>
/// /user/hub: the root of a node's show-facing actors (ARCHITECTURE.md, "The actor tree"). It starts, in this order,
/// /user/hub/history, /user/hub/router, /user/hub/cues, one /user/hub/surfaces/&lt;name&gt; per surface, and last
/// /user/hub/endpoints, so that nothing an endpoint receives arrives before the router knows where to hand it.
/// Endpoints deliver to the router. Status requests are forwarded to the actor that knows the answer.
/// </summary>
public sealed class HubActor : Actor
{
    private readonly HubSetup _setup;
    private IActorRef? _endpoints;
    private IActorRef? _router;
    private IActorRef? _cues;
    private IActorRef? _history;

    public HubActor(HubSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        Receive<GetAllEndpointStatus>(request => _endpoints!.Forward(request, Context));
        Receive<GetRouterCounters>(request => _router!.Forward(request, Context));
        Receive<GetValues>(request => _router!.Forward(request, Context));
        Receive<SendTo>(request => _router!.Forward(request, Context));
        Receive<SetValue>(request => _router!.Forward(request, Context));
        Receive<ShowCommand>(command => _cues!.Forward(command, Context));
        Receive<GetCueStatus>(request => _cues!.Forward(request, Context));
        Receive<QueryHistory>(request => _history!.Forward(request, Context));
        Receive<GetTrafficStats>(request => _history!.Forward(request, Context));
        Receive<GetPeers>(request => _history!.Forward(request, Context));
    }

    protected override void PreStart()
    {
        HubSettings settings = _setup.Settings;
        string[] endpointNames = [.. _setup.Endpoints.Select(e => e.Name)];
        _history = Context.ActorOf(Props.Create(() => new HistoryActor(settings.History)), "history");
        Props router = Props.Create(() => new RouterActor(_setup.NodeName, settings.Router, endpointNames));
        _router = Context.ActorOf(settings.Router.RunsOnReceiveThreads ? router.WithRunsOnSender() : router, "router");
        _cues = Context.ActorOf(Props.Create(() => new CuesActor(settings.Cues with { NodeName = _setup.NodeName }, _router)), "cues");
        IActorRef? surfaces = settings.Surfaces.Count == 0
            ? null
            : Context.ActorOf(Props.Create(() => new SurfacesActor(settings.Surfaces, _router, _cues)), "surfaces");
        var context = new EndpointContext(_setup.NodeName, _router, _setup.Scheduler, _history);
        _endpoints = Context.ActorOf(Props.Create(() => new EndpointsActor(_setup.Endpoints, context)), "endpoints");

        // Queued before any endpoint can have received anything: endpoints open their sockets in their own PreStart,
        // which runs after this message is already in the router's mailbox.
        var surfaceEndpoints = settings.Surfaces.Select(s => s.Endpoint).ToHashSet(StringComparer.Ordinal);
        _router.Tell(new RouterWiring(_endpoints, _cues, _history, surfaces, surfaceEndpoints), Self);
        _cues.Tell(new CuesWiring(_endpoints), Self);
        HubLog.Started(Log, _setup.Endpoints.Count, string.Join(", ", _setup.Endpoints.Select(e => $"{e.Name} ({e.Type})")));
        foreach (RouteSettings route in settings.Router.Routes)
        {
            HubLog.Route(Log, route.ToString());
        }
    }
}
