using BenchmarkDotNet.Attributes;
using NetHub.Actors;

namespace NetHub.Benchmarks;

/// <summary>
/// One actor telling another a stream of messages, against the same stream through a raw
/// <see cref="System.Threading.Channels.Channel{T}"/> drained by a consumer task (the anchor, ratio 1.00). The message object is
/// allocated once, so "Allocated" shows what the hop itself costs per message.
/// Goal: per-hop cost at most 2x the channel hop, no allocation per message.
/// </summary>
[MemoryDiagnoser]
public class ActorHopBenchmarks
{
    private const int Messages = 100_000;
    private static readonly object Payload = new();
    private ActorSystem _system = null!;
    private IActorRef _sender = null!;
    private CountingActor.Target _target = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _target = new CountingActor.Target();
        IActorRef counter = _system.ActorOf(Props.Create(() => new CountingActor(_target)), "counter");
        _sender = _system.ActorOf(Props.Create(() => new SendingActor(counter, Payload)), "sender");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public Task ChannelHop() => ChannelHopAnchor.Run(Messages);

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task ActorHop()
    {
        Task done = _target.Arm(Messages);
        _sender.Tell(Messages);
        return done;
    }

    private sealed class SendingActor : Actor
    {
        public SendingActor(IActorRef target, object payload) => Receive<int>(n =>
        {
            for (int i = 0; i < n; i++)
            {
                target.Tell(payload, Self);
            }
        });
    }
}
