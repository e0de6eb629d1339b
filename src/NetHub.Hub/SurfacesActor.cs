using NetHub.Actors;
using NetHub.Hub.Surfaces;
using NetHub.Messages;

namespace NetHub.Hub;

/// <summary>
/// /user/hub/surfaces: one child per configured control surface. The router sends it every message from an endpoint
/// that has surfaces; it hands each to the surfaces on that endpoint. A surface that fails is restarted (its mapping
/// comes from configuration; current values come back from the router's feedback), the others carry on.
/// </summary>
internal sealed class SurfacesActor : Actor
{
    private readonly IReadOnlyList<SurfaceSettings> _settings;
    private readonly IActorRef _router;
    private readonly IActorRef _cues;
    private readonly Dictionary<string, List<IActorRef>> _byEndpoint = new(StringComparer.Ordinal);

    public SurfacesActor(IReadOnlyList<SurfaceSettings> settings, IActorRef router, IActorRef cues)
    {
        _settings = settings;
        _router = router;
        _cues = cues;
        Receive<HubMessage>(message =>
        {
            if (_byEndpoint.TryGetValue(message.Source.Endpoint, out List<IActorRef>? surfaces))
            {
                foreach (IActorRef surface in surfaces)
                {
                    surface.Forward(message, Context);
                }
            }
        });
    }

    protected override void PreStart()
    {
        foreach (SurfaceSettings surface in _settings)
        {
            IActorRef router = _router;
            IActorRef cues = _cues;
            IActorRef child = Context.ActorOf(Props.Create(() => new SurfaceActor(surface, router, cues)), surface.Name);
            if (!_byEndpoint.TryGetValue(surface.Endpoint, out List<IActorRef>? list))
            {
                _byEndpoint[surface.Endpoint] = list = [];
            }

            list.Add(child);
        }
    }
}
