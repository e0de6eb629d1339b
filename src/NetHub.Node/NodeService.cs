using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetHub.Actors;
using NetHub.Hub;
using NetHub.Transports;

namespace NetHub.Node;

/// <summary>
/// Runs the node's actor system inside the generic host. On Ctrl+C or SIGTERM it stops the stages
/// in order (endpoints first, so devices see a clean close, then the rest of the hub), each bounded by
/// <c>nethub.node.stop-timeout</c>, then terminates the actor system (bounded by
/// <c>nethub.actors.shutdown-timeout</c>). <paramref name="startHub"/> starts /user/hub; by default the
/// <see cref="HubActor"/> of the configuration (tests pass stand-ins to observe the stop order).
/// </summary>
public sealed class NodeService(
    NodeConfiguration configuration,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    Func<ActorSystem, IPreciseScheduler, IActorRef>? startHub = null) : IHostedService, IDisposable
{
    private PreciseScheduler? _scheduler;

    /// <summary>Top-level paths stopped in this order before the actor system terminates.</summary>
    public static IReadOnlyList<string> StopOrder { get; } = ["/user/hub/endpoints", "/user/hub"];

    private readonly ILogger _log = loggerFactory.CreateLogger<NodeService>();

    public ActorSystem? System { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        NodeSettings node = configuration.Node;
        if (configuration.Sources.Count == 0)
        {
            NodeLog.NoConfigFile(_log, NodeConfiguration.DefaultFile);
        }

        NodeLog.Starting(_log, NodeCli.Version, node.Name, configuration.Sources.Count == 0 ? "built-in defaults" : string.Join(", ", configuration.Sources));
        System = ActorSystem.Create(node.SystemName, new ActorSystemSetup
        {
            Config = configuration.Config,
            Settings = configuration.Actors,
            Time = time,
            LoggerFactory = loggerFactory,
        });
        _scheduler = new PreciseScheduler(time, loggerFactory.CreateLogger<PreciseScheduler>());
        PreciseScheduler scheduler = _scheduler;
        if (startHub is null)
        {
            System.ActorOf(Props.Create(() => new HubActor(new HubSetup(node.Name, configuration.Endpoints, configuration.Hub, scheduler))), "hub");
        }
        else
        {
            startHub(System, scheduler);
        }
        ActorSettings actors = configuration.Actors;
        NodeLog.Started(
            _log,
            node.Name,
            System.Name,
            string.Join(", ", actors.Dispatchers.Select(d => $"{d.Key}: {d.Value.Type}")),
            string.Join(", ", actors.Mailboxes.Select(m => $"{m.Key}: {(m.Value.Capacity is int c ? $"{c} {m.Value.FullMode}" : "unbounded")}")));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (System is null)
        {
            return;
        }

        NodeSettings node = configuration.Node;
        NodeLog.Stopping(_log, node.Name, StopOrder[0]);
        foreach (string stage in StopOrder)
        {
            if (System.TryResolve(stage, out IActorRef? actor)
                && !await actor.GracefulStopAsync(node.StopTimeout).ConfigureAwait(false))
            {
                NodeLog.StageTimedOut(_log, stage, node.StopTimeout);
            }
        }

        await System.Terminate().ConfigureAwait(false);
        _scheduler?.Dispose();
        NodeLog.Stopped(_log, node.Name);
    }

    public void Dispose() => _scheduler?.Dispose();
}
