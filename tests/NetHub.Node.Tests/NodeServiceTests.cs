using Microsoft.Extensions.Logging;
using NetHub.Actors;
using NetHub.TestKit;

namespace NetHub.Node.Tests;

public sealed class NodeServiceTests
{
    [Fact]
    public async Task Stop_StopsEndpointsFirstThenTheHubThenTheSystem()
    {
        var logs = new LogCapture();
        NodeConfiguration configuration = NodeConfiguration.Load([], ["nethub.node.name = unit"]);
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        IActorRef hub = null!;
        using var service = new NodeService(configuration, logs, TimeProvider.System, (s, _) => hub = s.ActorOf(Props.Create(() => new StageActor(order, true)), "hub"));
        await service.StartAsync(CancellationToken.None);
        ActorSystem system = service.System!;
        system.ActorOf(Props.Create(() => new StageActor(order, withEndpoints: false)), "history");
        Assert.True(SpinWait.SpinUntil(() => system.TryResolve("/user/hub/endpoints", out _), TestTime.DefaultTimeout));

        await service.StopAsync(CancellationToken.None);

        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.Equal(["/user/hub/endpoints", "/user/hub", "/user/history"], order);
        Assert.True(logs.Contains(LogLevel.Information, "Node 'unit' stopped"));
        Assert.Empty(logs.Verify());
        Assert.True(hub.IsTerminated());
    }

    [Fact]
    public async Task Stop_StuckEndpoints_TimesOutThatStageAndStillStops()
    {
        var logs = new LogCapture();
        var clock = new ManualTimeProvider();
        NodeConfiguration configuration = NodeConfiguration.Load([], ["nethub.node.stop-timeout = 2s"]);
        using var gate = new TestGate();
        var entered = new TaskCompletionSource();
        IActorRef hub = null!;
        using var service = new NodeService(configuration, logs, clock, (s, _) => hub = s.ActorOf(Props.Create(() => new StuckParent(gate, entered)), "hub"));
        await service.StartAsync(CancellationToken.None);
        hub.Tell("block");
        await entered.Task.WaitAsync(TestTime.DefaultTimeout);

        // Each stage arms one timer on the clock (its stop timeout), then the system its shutdown deadline.
        Task stopping = service.StopAsync(CancellationToken.None);
        Assert.True(clock.WaitForActiveTimers(1, TestTime.DefaultTimeout));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(clock.WaitForActiveTimers(1, TestTime.DefaultTimeout));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(clock.WaitForActiveTimers(1, TestTime.DefaultTimeout));
        clock.Advance(configuration.Actors.ShutdownTimeout);

        await stopping.WaitAsync(TestTime.DefaultTimeout);
        Assert.True(logs.Contains(LogLevel.Warning, "/user/hub/endpoints did not stop within"));
        Assert.True(logs.Contains(LogLevel.Warning, "/user/hub/endpoints did not stop within the shutdown timeout"));
    }

    private sealed class StageActor : Actor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _order;

        public StageActor(System.Collections.Concurrent.ConcurrentQueue<string> order, bool withEndpoints)
        {
            _order = order;
            if (withEndpoints)
            {
                Context.ActorOf(Props.Create(() => new StageActor(order, false)), "endpoints");
            }
        }

        protected override void PostStop() => _order.Enqueue(Self.Path.ToStringWithoutAddress());
    }

    private sealed class StuckParent : Actor
    {
        public StuckParent(TestGate gate, TaskCompletionSource entered)
        {
            IActorRef endpoints = Context.ActorOf(Props.Create(() => new StuckChild(gate, entered)), "endpoints");
            ReceiveAny(m => endpoints.Tell(m));
        }
    }

    private sealed class StuckChild : Actor
    {
        public StuckChild(TestGate gate, TaskCompletionSource entered) => ReceiveAny(_ =>
        {
            entered.TrySetResult();
            gate.Wait();
        });
    }
}
