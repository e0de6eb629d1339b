using Microsoft.Extensions.Logging;

namespace NetHub.Actors;

/// <summary>
/// What an actor sees of itself and the runtime while it handles a message. Valid only on the
/// actor's own turn: capture <see cref="Sender"/> (and anything else) in a local before the first
/// await if a continuation needs it.
/// </summary>
public interface IActorContext
{
    IActorRef Self { get; }

    /// <summary>The sender of the message being handled; dead letters when there was none.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }

    ActorSystem System { get; }

    Props Props { get; }

    IReadOnlyCollection<IActorRef> Children { get; }

    ITimerScheduler Timers { get; }

    IStash Stash { get; }

    ILogger Log { get; }

    /// <summary>Cancelled when the actor is asked to stop or restart; pass it to awaited I/O in async handlers.</summary>
    CancellationToken StoppingToken { get; }

    IActorRef? Child(string name);

    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops a child or this actor itself (after the current message).</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> once when <paramref name="subject"/> stops.</summary>
    IActorRef Watch(IActorRef subject);

    IActorRef Unwatch(IActorRef subject);
}
