using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Hub.Cues.Tests;

/// <summary>A cues actor on the manual clock, with a probe as its router and the default probe sending commands.</summary>
public abstract class CuesTestKit(ITestOutputHelper output) : ActorTestKit(output)
{
    protected IActorRef Cues { get; private set; } = null!;

    protected static CuesSettings Settings(string show) =>
        CuesSettings.FromConfig(Config.Parse(show, "show.conf").WithFallback(CuesSettings.Reference).Resolve().GetConfig("nethub"));

    /// <summary>Starts the actor; when it subscribes, answers its snapshot with <paramref name="current"/>.</summary>
    protected TestProbe Start(string show, IReadOnlyDictionary<ValueTarget, IReadOnlyList<OscArgument>>? current = null, string routerName = "router")
    {
        CuesSettings settings = Settings(show) with { NodeName = "stage" };
        TestProbe router = CreateTestProbe(routerName);
        Cues = Sys.ActorOf(Props.Create(() => new CuesActor(settings, router)), "cues");
        bool hasTargets = settings.Scenes.Any(s => s.Values.Count > 0)
            || settings.CueLists.SelectMany(l => l.Cues).SelectMany(c => c.Actions).OfType<SetAction>().Any();
        if (hasTargets)
        {
            SubscribeValues subscribe = router.ExpectMsg<SubscribeValues>();
            Assert.Equal(Cues, subscribe.Subscriber);
            GetValues get = router.ExpectMsg<GetValues>();
            Assert.Equal(subscribe.Targets, get.Targets);
            router.Send(Cues, new ValuesSnapshot(current ?? new Dictionary<ValueTarget, IReadOnlyList<OscArgument>>()));
        }

        Status();
        return router;
    }

    protected CommandResult Command(ShowCommand command)
    {
        TestActor.Send(Cues, command);
        return TestActor.ExpectMsg<CommandResult>();
    }

    protected CommandResult Ok(ShowCommand command)
    {
        CommandResult result = Command(command);
        Assert.True(result.Ok, result.Message);
        return result;
    }

    protected CommandResult Refused(ShowCommand command)
    {
        CommandResult result = Command(command);
        Assert.False(result.Ok, result.Message);
        return result;
    }

    /// <summary>The status report; also a barrier: everything sent to the actor before it has been handled.</summary>
    protected CueStatusReport Status()
    {
        TestActor.Send(Cues, GetCueStatus.Instance);
        return TestActor.ExpectMsg<CueStatusReport>();
    }

    protected CueStatus CueOf(string list, string number) =>
        Status().Lists.Single(l => l.Name == list).Cues.Single(c => c.Number == number);

    protected string? StandbyOf(string list) => Status().Lists.Single(l => l.Name == list).Standby;

    /// <summary>Moves the manual clock, then waits until the actor has handled what fell due.</summary>
    protected void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Status();
    }

    protected static SendTo ExpectSend(TestProbe router, string endpoint, string address)
    {
        SendTo send = router.ExpectMsg<SendTo>();
        Assert.Equal(endpoint, send.Endpoint);
        Assert.Equal(address, send.Message.Address);
        Assert.Equal(Lane.Reliable, send.Lane);
        return send;
    }

    protected static SetValue ExpectSet(TestProbe router, string target, Lane lane)
    {
        SetValue set = router.ExpectMsg<SetValue>();
        Assert.Equal(ValueTarget.Parse(target), set.Target);
        Assert.Equal(lane, set.Lane);
        return set;
    }

    protected static IReadOnlyList<OscArgument> Args(HubMessage message) => Assert.IsType<OscPayload>(message.Payload).Arguments;

    /// <summary>Arguments as plain text ("1 x"): whole numbers read the same whether they travel as int32 or float32.</summary>
    protected static string Text(IReadOnlyList<OscArgument> arguments) => string.Join(' ', arguments.Select(PayloadConvert.FormatPlain));

    protected static double Num(OscArgument argument) => argument.Type switch
    {
        OscType.Int32 => argument.AsInt32(),
        OscType.Int64 => argument.AsInt64(),
        OscType.Float32 => argument.AsFloat32(),
        _ => argument.AsFloat64(),
    };

}
