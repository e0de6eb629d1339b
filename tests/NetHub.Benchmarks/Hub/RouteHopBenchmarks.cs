using BenchmarkDotNet.Attributes;
using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Hub;
using NetHub.Hub.History;
using NetHub.Hub.Routing;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.Transports;

namespace NetHub.Benchmarks.Hub;

/// <summary>
/// Issue 4, in-process: a stream of OSC fader messages into the router, each matched by a route with a range
/// transform (<c>map [0,1] -> [-60,6]</c>) and rewritten, out to an endpoint actor that counts what it gets; against
/// the same number of messages through a raw <see cref="System.Threading.Channels.Channel{T}"/> producer/consumer hop (the anchor, ratio 1.00).
/// With <see cref="History"/> the real history actor records each message in and out, as in a node, and an operation ends
/// when the history has recorded all of it (the router can outrun it). The messages are built once,
/// so "Allocated" shows what routing itself costs per message.
/// With <see cref="OnReceiveThread"/> the messages are told as a UDP endpoint's receive loop tells them, in batches of
/// 16 (its recvmmsg batch) inside an <see cref="InlineRuns"/> scope, to a router and an endpoint that may run on the
/// sender's thread, as in a node: the router and the endpoint then run on the benchmark's thread, with no pool hop.
/// Goal: per-message cost at most 2x the channel hop. <see cref="ChannelTwoHops"/> is printed beside it for context.
/// </summary>
[MemoryDiagnoser]
public class RouteHopBenchmarks
{
    private const int Messages = 100_000;
    private ActorSystem _system = null!;
    private IActorRef _router = null!;
    private IActorRef? _history;
    private CountingActor.Target _target = null!;
    private HubMessage[] _messages = [];

    /// <summary>With the history recording every message in and out, as a node does; without, the router alone.</summary>
    [Params(true, false)]
    public bool History { get; set; }

    /// <summary>Told from a receive loop's scope to actors that may run on it (the node's UDP path), or from a plain thread.</summary>
    [Params(false, true)]
    public bool OnReceiveThread { get; set; }

    private const int ReceiveBatch = 16;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _target = new CountingActor.Target();
        IActorRef endpoints = _system.ActorOf(Props.Create(() => new Endpoints(_target, OnReceiveThread)), "endpoints");
        IActorRef? sink = History
            ? _system.ActorOf(Props.Create(() => new HistoryActor(HistorySettings.FromConfig(HubSettings.Reference.Resolve().GetConfig("nethub")))), "history")
            : null;
        _history = sink;
        Config show = Config.Parse("""
            nethub.routes.faders {
              from = [tablet], address = "/1/fader{n}", to = ["td:/mixer/ch/{n}/gain"]
              transforms = [{ type = map, in = [0, 1], out = [-60, 6], mode = clamp }]
            }
            """).WithFallback(HubSettings.Reference).Resolve();
        RouterSettings settings = RouterSettings.FromConfig(show.GetConfig("nethub"), ["tablet", "td"]);
        Props router = Props.Create(() => new RouterActor("bench", settings, new[] { "tablet", "td" }));
        _router = _system.ActorOf(OnReceiveThread ? router.WithRunsOnSender() : router, "router");
        _router.Tell(new RouterWiring(endpoints, null, sink, null, new HashSet<string>()));
        var source = new MessageSource("bench", "tablet", "10.0.0.7:9000");
        // The argument list a received message carries: an OSC endpoint passes on the decoded message's own list.
        _messages = [.. Enumerable.Range(0, Messages).Select(i =>
            HubMessage.Create(DateTimeOffset.UnixEpoch, source, "/1/fader3", new OscPayload(new OscMessage("/1/fader3", OscArgument.Float32((i % 1000) / 1000f)).Arguments)))];

        // Warm the route (resolves the endpoint, creates transform state) before measuring.
        Task warm = _target.Arm(1);
        _router.Tell(_messages[0]);
        warm.GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public Task ChannelHop() => ChannelHopAnchor.Run(Messages);

    /// <summary>
    /// Context, not the goal's anchor: the two raw hops a routed message's path holds (into the router, out to the
    /// endpoint). RouteHop over this is the route's cost per hop against a raw hop.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public Task ChannelTwoHops() => ChannelHopAnchor.RunTwoHops(Messages);

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task RouteHop()
    {
        Task done = _target.Arm(Messages);
        if (OnReceiveThread)
        {
            for (int start = 0; start < _messages.Length; start += ReceiveBatch)
            {
                using InlineRuns.Scope runs = InlineRuns.Begin();
                foreach (HubMessage message in _messages.AsSpan(start, Math.Min(ReceiveBatch, _messages.Length - start)))
                {
                    _router.Tell(message);
                }
            }
        }
        else
        {
            foreach (HubMessage message in _messages)
            {
                _router.Tell(message);
            }
        }

        await done.ConfigureAwait(false);
        if (_history is not null)
        {
            // The router answers in a run after the one that passed on the last messages, whose history report was
            // queued before that; so the history query that follows is answered once the history has recorded every
            // message of the operation: its work is measured here, not left running into the next operation.
            await _router.AskAsync<RouterCounters>(GetRouterCounters.Instance, TimeSpan.FromMinutes(1)).ConfigureAwait(false);
            await _history.AskAsync<HistoryPage>(new QueryHistory(Limit: 1), TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        }
    }

    /// <summary>Stands in for /user/hub/endpoints with one endpoint, "td", that counts what it is sent.</summary>
    private sealed class Endpoints : Actor
    {
        private readonly CountingActor.Target _target;

        private readonly bool _onReceiveThread;

        public Endpoints(CountingActor.Target target, bool onReceiveThread)
        {
            _target = target;
            _onReceiveThread = onReceiveThread;
            Receive<ToEndpoint>(e => Context.Child(e.Endpoint)?.Forward(e.Message, Context));
        }

        protected internal override void PreStart()
        {
            Props counting = Props.Create(() => new CountingActor(_target));
            Context.ActorOf(_onReceiveThread ? counting.WithRunsOnSender() : counting, "td");
        }
    }
}
