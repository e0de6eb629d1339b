using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class BackoffSupervisorTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private const int RestartScheduled = 1040;

    private BackoffOptions Options(Device device) =>
        new(Props.Create(() => new EndpointActor(device, TestActor.Ref)), "endpoint", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), randomFactor: 0);

    private void AwaitScheduled(int count) =>
        AwaitCondition(() => Logs.Count(e => e.EventId.Id == RestartScheduled) >= count, message: $"restart #{count} scheduled");

    [Fact]
    public void FailingChild_IsRestartedWithExponentialBackoff()
    {
        var device = new Device { FailuresLeft = 4 };
        Sys.ActorOf(Options(device).ToProps(), "osc-in");
        double[] expected = [1000, 2000, 4000, 8000];
        for (int i = 0; i < expected.Length; i++)
        {
            TestActor.ExpectMsg("start failed");
            AwaitScheduled(i + 1);
            Assert.Contains($"in {expected[i]:0} ms (attempt {i + 1})", Logs.Entries.Last(e => e.EventId.Id == RestartScheduled).Message, StringComparison.Ordinal);
            Clock.Advance(TimeSpan.FromMilliseconds(expected[i] - 1));
            TestActor.ExpectNoMsg();
            Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        TestActor.ExpectMsg("started");
    }

    [Fact]
    public void Delay_IsCappedAtMaxBackoff()
    {
        BackoffOptions options = Options(new Device());
        Assert.Equal(TimeSpan.FromSeconds(8), options.DelayFor(10, 0));
        Assert.Equal(TimeSpan.FromSeconds(8), options.DelayFor(1000, 0));
    }

    [Fact]
    public void Jitter_StretchesTheDelayWithinTheRandomFactor()
    {
        BackoffOptions options = Options(new Device()) with { RandomFactor = 0.5 };
        Assert.Equal(TimeSpan.FromSeconds(2), options.DelayFor(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(3), options.DelayFor(1, 1));
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.DelayFor(1, 0.5));
    }

    [Fact]
    public void StableChild_ResetsTheAttemptCounter()
    {
        var device = new Device { FailuresLeft = 2 };
        IActorRef supervisor = Sys.ActorOf((Options(device) with { ResetAfter = TimeSpan.FromSeconds(30) }).ToProps(), "osc-in");
        TestActor.ExpectMsg("start failed");
        AwaitScheduled(1);
        Clock.Advance(TimeSpan.FromSeconds(1));
        TestActor.ExpectMsg("start failed");
        AwaitScheduled(2);
        Clock.Advance(TimeSpan.FromSeconds(2));
        TestActor.ExpectMsg("started");

        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor.Ref);
        Assert.Equal(2, TestActor.ExpectMsg<BackoffSupervisor.RestartCount>().Count);
        Clock.Advance(TimeSpan.FromSeconds(30));
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor.Ref);
        Assert.Equal(0, TestActor.ExpectMsg<BackoffSupervisor.RestartCount>().Count);

        supervisor.Tell("crash");
        AwaitScheduled(3);
        Assert.Contains("in 1000 ms (attempt 1)", Logs.Entries.Last(e => e.EventId.Id == RestartScheduled).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxRestarts_GivesUpAndStops()
    {
        ExpectErrorLog("giving up");
        var device = new Device { FailuresLeft = 100 };
        IActorRef supervisor = Sys.ActorOf((Options(device) with { MaxRestarts = 2 }).ToProps(), "osc-in");
        TestActor.Watch(supervisor);
        TestActor.ExpectMsg("start failed");
        AwaitScheduled(1);
        Clock.Advance(TimeSpan.FromSeconds(1));
        TestActor.ExpectMsg("start failed");
        AwaitScheduled(2);
        Clock.Advance(TimeSpan.FromSeconds(2));
        TestActor.ExpectMsg("start failed");

        TestActor.ExpectTerminated(supervisor);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("failed 2 times in a row; giving up", StringComparison.Ordinal));
    }

    [Fact]
    public void DeciderStop_EndsAttemptsForGood()
    {
        ExpectErrorLog("will not be restarted");
        var device = new Device { FailuresLeft = 1, FailWith = () => new ArgumentException("no such serial port /dev/ttyUSB9") };
        BackoffOptions options = Options(device) with
        {
            Decider = Decider.From(Directive.Restart, (typeof(ArgumentException), Directive.Stop)),
        };
        IActorRef supervisor = Sys.ActorOf(options.ToProps(), "serial");
        TestActor.Watch(supervisor);

        TestActor.ExpectMsg("start failed");
        TestActor.ExpectTerminated(supervisor);
        Assert.Equal(0, Logs.Count(e => e.EventId.Id == RestartScheduled));
    }

    [Fact]
    public void OnStopMode_RestartsAChildThatStopped()
    {
        var device = new Device();
        IActorRef supervisor = Sys.ActorOf((Options(device) with { Mode = BackoffMode.OnStop }).ToProps(), "tcp-client");
        TestActor.ExpectMsg("started");

        supervisor.Tell("disconnect");

        AwaitScheduled(1);
        Assert.Contains("after: it stopped", Logs.Entries.Last(e => e.EventId.Id == RestartScheduled).Message, StringComparison.Ordinal);
        Clock.Advance(TimeSpan.FromSeconds(1));
        TestActor.ExpectMsg("started");
    }

    [Fact]
    public void OnFailureMode_ChildStoppingByItself_StopsTheSupervisor()
    {
        IActorRef supervisor = Sys.ActorOf(Options(new Device()).ToProps(), "osc-out");
        TestActor.Watch(supervisor);
        TestActor.ExpectMsg("started");

        supervisor.Tell("disconnect");

        TestActor.ExpectTerminated(supervisor);
    }

    [Fact]
    public void Messages_AreForwardedToTheCurrentChild()
    {
        IActorRef supervisor = Sys.ActorOf(Options(new Device()).ToProps(), "osc-out");
        TestActor.ExpectMsg("started");
        supervisor.Tell(new Echo("/cue/go"), TestActor.Ref);
        TestActor.ExpectMsg("/cue/go");
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, TestActor.Ref);
        Assert.Equal("/user/osc-out/endpoint", TestActor.ExpectMsg<BackoffSupervisor.CurrentChild>().Ref!.Path.ToStringWithoutAddress());
    }

    [Fact]
    public void Messages_WhileChildIsDown_AreDeadLetters()
    {
        Logs.ExpectDeadLetters(m => m is Echo);
        var device = new Device { FailuresLeft = 1 };
        IActorRef supervisor = Sys.ActorOf(Options(device).ToProps(), "osc-out");
        TestActor.ExpectMsg("start failed");
        AwaitScheduled(1);

        supervisor.Tell(new Echo("lost"), TestActor.Ref);

        AwaitCondition(() => Sys.DeadLetterCount == 1);
    }

    private sealed class Device
    {
        private int _failuresLeft;

        public int FailuresLeft
        {
            get => Volatile.Read(ref _failuresLeft);
            set => Volatile.Write(ref _failuresLeft, value);
        }

        public Func<Exception> FailWith { get; init; } = () => new IOException("address already in use: 0.0.0.0:9000");

        public bool TryFail() => Interlocked.Decrement(ref _failuresLeft) >= 0;
    }

    private sealed class EndpointActor : Actor
    {
        private readonly Device _device;
        private readonly IActorRef _report;

        public EndpointActor(Device device, IActorRef report)
        {
            _device = device;
            _report = report;
            Receive<string>(s => s == "crash", _ => throw new IOException("socket reset"));
            Receive<string>(s => s == "disconnect", _ => Context.Stop(Self));
            Receive<Echo>(e => Sender.Tell(e.Payload));
        }

        protected internal override void PreStart()
        {
            if (_device.TryFail())
            {
                _report.Tell("start failed");
                throw _device.FailWith();
            }

            _report.Tell("started");
        }
    }
}
