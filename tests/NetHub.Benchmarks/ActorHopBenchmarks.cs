using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using NetHub.Actors;

namespace NetHub.Benchmarks;

/// <summary>
/// One actor telling another a stream of messages, against the same stream through a raw
/// <see cref="Channel{T}"/> drained by a consumer task (the anchor, ratio 1.00). The message object is
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
    public async Task ChannelHop()
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        Task consumer = Consume(channel.Reader);
        ChannelWriter<object> writer = channel.Writer;
        for (int i = 0; i < Messages; i++)
        {
            writer.TryWrite(Payload);
        }

        await consumer.ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task ActorHop()
    {
        Task done = _target.Arm(Messages);
        _sender.Tell(Messages);
        return done;
    }

    private static async Task Consume(ChannelReader<object> reader)
    {
        int seen = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out _))
            {
                if (++seen == Messages)
                {
                    return;
                }
            }
        }
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
