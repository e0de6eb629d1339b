using NetHub.Actors;

namespace NetHub.Transports;

/// <summary>
/// /user/hub/endpoints: one backoff-supervised child per configured endpoint, named after it, so an
/// endpoint that fails is retried without touching its siblings. Messages for an endpoint are sent
/// to its child here (the supervisor forwards them to the live endpoint).
/// </summary>
public sealed class EndpointsActor : Actor
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(2);

    private readonly IReadOnlyList<EndpointDefinition> _endpoints;
    private readonly EndpointContext _context;

    public EndpointsActor(IReadOnlyList<EndpointDefinition> endpoints, EndpointContext context)
    {
        _endpoints = endpoints;
        _context = context;
        ReceiveAsync<GetAllEndpointStatus>(ReportAsync);
        Receive<ToEndpoint>(envelope =>
        {
            if (Context.Child(envelope.Endpoint) is { } child)
            {
                child.Tell(envelope.Message, Sender);
            }
            else
            {
                Context.System.DeadLetters.Tell(new DeadLetter(envelope.Message, Sender, Self));
            }
        });
    }

    /// <summary>Child failures are handled by each endpoint's own backoff supervisor; a supervisor that gives up stays stopped.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.Stopping;

    protected override void PreStart()
    {
        foreach (EndpointDefinition endpoint in _endpoints)
        {
            Context.ActorOf(EndpointFactory.CreateSupervised(endpoint, _context), endpoint.Name);
        }
    }

    private async Task ReportAsync(GetAllEndpointStatus request)
    {
        IActorRef replyTo = Sender;
        var tasks = _endpoints.Select(async e =>
        {
            IActorRef? supervisor = Context.Child(e.Name);
            if (supervisor is null)
            {
                return Unavailable(e, "stopped (gave up restarting; see the log)");
            }

            try
            {
                // Asking the supervisor first means a down endpoint is reported, not dead-lettered.
                BackoffSupervisor.CurrentChild current = await supervisor.AskAsync<BackoffSupervisor.CurrentChild>(BackoffSupervisor.GetCurrentChild.Instance, StatusTimeout).ConfigureAwait(false);
                return current.Ref is null
                    ? Unavailable(e, "restarting after a failure (see the log)")
                    : await current.Ref.AskAsync<EndpointStatus>(GetEndpointStatus.Instance, StatusTimeout).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                return Unavailable(e, "not answering (busy or stopping)");
            }
        }).ToList();
        EndpointStatus[] statuses = await Task.WhenAll(tasks).ConfigureAwait(false);
        replyTo.Tell(new EndpointStatusReport(statuses));
    }

    private static EndpointStatus Unavailable(EndpointDefinition endpoint, string state) =>
        new(endpoint.Name, endpoint.Type, state, null, new CounterSnapshot(0, 0, 0, 0, 0, 0, 0, 0, new Dictionary<string, long>(), new Dictionary<string, long>()), [], [], Running: false);
}
