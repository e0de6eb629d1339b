using NetHub.Actors;

namespace NetHub.Actors.Tests;

/// <summary>Small actors the runtime tests drive; each reports what happens to it to a probe.</summary>
internal sealed record Lifecycle(string Hook, string Name, int InstanceId);

internal sealed record Increment
{
    public static Increment Instance { get; } = new();
}

internal sealed record GetCount
{
    public static GetCount Instance { get; } = new();
}

internal sealed record Count(int Value, int InstanceId);

internal sealed record Fail(Exception Cause);

internal sealed record Echo(object Payload);

/// <summary>Counts increments, reports its lifecycle, throws on <see cref="Fail"/>.</summary>
internal sealed class CounterActor : Actor
{
    private static int s_instances;
    private readonly IActorRef _reportTo;
    private readonly int _instance = Interlocked.Increment(ref s_instances);
    private int _count;

    public CounterActor(IActorRef reportTo)
    {
        _reportTo = reportTo;
        Receive<Increment>(_ => _count++);
        Receive<GetCount>(_ => Sender.Tell(new Count(_count, _instance)));
        Receive<Fail>(f => throw f.Cause);
        Receive<Echo>(e => Sender.Tell(e.Payload));
    }

    protected internal override void PreStart() => _reportTo.Tell(new Lifecycle("PreStart", Self.Path.Name, _instance));

    protected internal override void PostStop() => _reportTo.Tell(new Lifecycle("PostStop", Self.Path.Name, _instance));

    protected internal override void PreRestart(Exception reason, object? message)
    {
        _reportTo.Tell(new Lifecycle("PreRestart", Self.Path.Name, _instance));
        base.PreRestart(reason, message);
    }

    protected internal override void PostRestart(Exception reason)
    {
        _reportTo.Tell(new Lifecycle("PostRestart", Self.Path.Name, _instance));
        base.PostRestart(reason);
    }
}

internal sealed record CreateChild(Props Props, string Name);

/// <summary>A parent with a given strategy that creates children on request and replies with their refs.</summary>
internal sealed class SupervisorActor : Actor
{
    private readonly SupervisorStrategy _strategy;

    public SupervisorActor(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        Receive<Fail>(f => throw f.Cause);
    }

    protected internal override SupervisorStrategy SupervisorStrategy() => _strategy;
}

/// <summary>Forwards everything it receives to a probe (with the original sender).</summary>
internal sealed class ForwardActor : Actor
{
    public ForwardActor(IActorRef target) => ReceiveAny(m => target.Tell(m, Sender));
}
