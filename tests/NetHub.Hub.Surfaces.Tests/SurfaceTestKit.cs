using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Hub.Surfaces.Tests;

/// <summary>A surface actor between a router probe and a cues probe, on the manual clock.</summary>
public abstract class SurfaceTestKit(ITestOutputHelper output) : ActorTestKit(output)
{
    protected const string Tablet = "10.0.0.20:9000";

    private TestProbe? _router;
    private TestProbe? _cues;

    protected IActorRef Surface { get; private set; } = null!;

    public static SurfaceSettings Read(string controls, string surface = "")
    {
        Config config = Config.Parse($"nethub.surfaces.tablet {{\n{surface}\ncontrols = [\n{controls}\n]\n}}", "show.conf");
        return Assert.Single(SurfaceSettings.ReadAll(config.GetConfig("nethub")));
    }

    /// <summary>Starts the surface, answers its start-up subscription and value request with <paramref name="values"/>.</summary>
    protected IActorRef Start(string controls, string surface = "", IReadOnlyDictionary<ValueTarget, IReadOnlyList<OscArgument>>? values = null)
    {
        SurfaceSettings settings = Read(controls, surface);
        TestProbe router = Router;
        TestProbe cues = Cues;
        Surface = Sys.ActorOf(Props.Create(() => new SurfaceActor(settings, router.Ref, cues.Ref)), "tablet");
        if (settings.Targets.Count > 0)
        {
            Assert.Equal(settings.Targets.ToHashSet(), router.ExpectMsg<SubscribeValues>().Targets.ToHashSet());
            router.ExpectMsg<GetValues>();
            Surface.Tell(Snapshot(values), router.Ref);
        }

        return Surface;
    }

    /// <summary>Created on first use: field initializers run before the kit's system exists.</summary>
    protected TestProbe Router => _router ??= CreateTestProbe("router");

    protected TestProbe Cues => _cues ??= CreateTestProbe("cues");

    protected static ValuesSnapshot Snapshot(IReadOnlyDictionary<ValueTarget, IReadOnlyList<OscArgument>>? values = null) =>
        new(values ?? new Dictionary<ValueTarget, IReadOnlyList<OscArgument>>());

    protected static ValueTarget T(string text) => ValueTarget.Parse(text);

    protected void Input(string address, params OscArgument[] args) => InputFrom(Tablet, address, args);

    protected void InputFrom(string? peer, string address, params OscArgument[] args) =>
        Surface.Tell(HubMessage.Create(Clock.GetUtcNow(), new MessageSource("stage", "tablet", peer), address, new OscPayload(args)), Router.Ref);

    /// <summary>The first message of a peer: the surface asks for every value; answers with <paramref name="values"/>.</summary>
    protected void Appear(string address, OscArgument[] args, IReadOnlyDictionary<ValueTarget, IReadOnlyList<OscArgument>>? values = null, string peer = Tablet)
    {
        InputFrom(peer, address, args);
        Router.ExpectMsg<GetValues>();
        Surface.Tell(Snapshot(values), Router.Ref);
    }

    protected SetValue ExpectSet(string target, float value, Lane lane = Lane.LatestValue) =>
        Router.ExpectMsg<SetValue>(
            s => s.Target == T(target) && Math.Abs(s.Value[0].AsFloat32() - value) < 1e-4 && s.Lane == lane && s.Origin == "surface tablet",
            hint: $"{target} = {value} on {lane}");

    protected SendTo ExpectFeedback(string address, string? to, params float[] values) =>
        Router.ExpectMsg<SendTo>(
            s => s.Endpoint == "tablet" && s.To == to && s.Message.Address == address
                && Arguments(s).Count == values.Length && Arguments(s).Select((a, i) => Math.Abs(a.AsFloat32() - values[i]) < 1e-4).All(b => b),
            hint: $"{address} {string.Join(' ', values)} to {to ?? "remote"}");

    protected static IReadOnlyList<OscArgument> Arguments(SendTo send) => ((OscPayload)send.Message.Payload).Arguments;

    protected void Changed(string target, float value, string origin = "cue 5") =>
        Surface.Tell(new ValueChanged(T(target), [OscArgument.Float32(value)], origin), Router.Ref);

    protected SurfaceStatus Status() => AwaitResult(Surface.AskAsync<SurfaceStatus>(GetSurfaceStatus.Instance, TimeSpan.FromMinutes(1)));
}
