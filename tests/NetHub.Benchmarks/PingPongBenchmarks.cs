using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using NetHub.Actors;

namespace NetHub.Benchmarks;

/// <summary>
/// Two actors bouncing one message back and forth, against two tasks bouncing it through a pair of
/// channels (the anchor). Every hop here wakes the other side, so this measures scheduling latency per
/// hop, where the stream benchmark measures throughput. Operations are hops (two per round trip).
/// </summary>
[MemoryDiagnoser]
public class PingPongBenchmarks
{
    private const int RoundTrips = 10_000;
    private static readonly object Ball = new();
    private ActorSystem _system = null!;
    private IActorRef _ping = null!;
    private Rally _rally = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _rally = new Rally();
        IActorRef pong = _system.ActorOf(Props.Create(() => new PongActor()), "pong");
        _ping = _system.ActorOf(Props.Create(() => new PingActor(pong, _rally)), "ping");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips * 2)]
    public async Task ChannelPingPong()
    {
        var toPong = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var toPing = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        Task pong = Task.Run(async () =>
        {
            for (int i = 0; i < RoundTrips; i++)
            {
                object ball = await toPong.Reader.ReadAsync().ConfigureAwait(false);
                toPing.Writer.TryWrite(ball);
            }
        });
        for (int i = 0; i < RoundTrips; i++)
        {
            toPong.Writer.TryWrite(Ball);
            await toPing.Reader.ReadAsync().ConfigureAwait(false);
        }

        await pong.ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = RoundTrips * 2)]
    public Task ActorPingPong()
    {
        Task done = _rally.Arm(RoundTrips);
        _ping.Tell(Ball);
        return done;
    }

    private sealed class Rally
    {
        private int _left;
        private TaskCompletionSource _done = new();

        public Task Arm(int roundTrips)
        {
            _left = roundTrips;
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _done.Task;
        }

        public bool Returned()
        {
            if (--_left == 0)
            {
                _done.SetResult();
                return false;
            }

            return true;
        }
    }

    private sealed class PingActor : Actor
    {
        public PingActor(IActorRef pong, Rally rally)
        {
            Receive<object>(ball =>
            {
                if (ReferenceEquals(Sender, pong) && !rally.Returned())
                {
                    return;
                }

                pong.Tell(ball, Self);
            });
        }
    }

    private sealed class PongActor : Actor
    {
        public PongActor() => ReceiveAny(ball => Sender.Tell(ball, Self));
    }
}
