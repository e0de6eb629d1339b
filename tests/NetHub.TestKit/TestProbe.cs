using System.Collections.Concurrent;
using NetHub.Actors;
using Xunit.Sdk;

namespace NetHub.TestKit;

/// <summary>
/// A reference a test talks through. It is not an actor: whatever is told to it is queued at once for
/// the <c>Expect*</c> calls, so nothing is lost while the system shuts down. It sends as itself,
/// replies to the last sender, and watches actors (a <see cref="Terminated"/> is queued once, after
/// everything the watched actor sent). Waiting is bounded by wall-clock timeouts scaled by
/// <see cref="TestTime.Factor"/>; the actor system's own time may be manual.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Probes live as long as their test's actor system; actors may still tell them during shutdown.")]
public sealed class TestProbe : IInternalActorRef
{
    private readonly BlockingCollection<Received> _queue = new(new ConcurrentQueue<Received>());
    private readonly HashSet<IInternalActorRef> _watching = [];
    private readonly Lock _watchLock = new();
    private Received? _last;

    internal TestProbe(ActorSystem system, string name)
    {
        System = system;
        Path = ActorPath.Root(system.Name).Child("system").Child(name);
    }

    public ActorSystem System { get; }

    /// <summary>The probe itself, as a reference to pass to actors.</summary>
    public IActorRef Ref => this;

    public ActorPath Path { get; }

    bool IInternalActorRef.IsTerminated => false;

    /// <summary>The sender of the last message taken by an <c>Expect*</c> call.</summary>
    public IActorRef LastSender => _last?.Sender ?? System.DeadLetters;

    public object? LastMessage => _last?.Message;

    /// <summary>Queues <paramref name="message"/> for the Expect* calls; never lost, even during shutdown.</summary>
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _queue.Add(new Received(message, sender ?? System.DeadLetters));
    }

    void IInternalActorRef.SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case DeathWatchNotification notification when notification.Actor is IInternalActorRef actor:
                bool wasWatching;
                lock (_watchLock)
                {
                    wasWatching = _watching.Remove(actor);
                }

                if (wasWatching)
                {
                    Tell(new Terminated(actor, notification.ExistenceConfirmed), actor);
                }

                break;
            case Watch watch:
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: true));
                break;
        }
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with this probe as the sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, this);
    }

    /// <summary>Answers the sender of the last message received.</summary>
    public void Reply(object message) => LastSender.Tell(message, this);

    /// <summary>Passes the last message on to <paramref name="target"/>, keeping its original sender.</summary>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(_last?.Message ?? throw new InvalidOperationException("Nothing received yet"), _last.Sender);
    }

    /// <summary>Watches <paramref name="target"/>: a <see cref="Terminated"/> is queued once when it stops.</summary>
    public IActorRef Watch(IActorRef target)
    {
        if (target is not IInternalActorRef internalRef)
        {
            throw new ArgumentException($"{target} cannot be watched", nameof(target));
        }

        bool added;
        lock (_watchLock)
        {
            added = _watching.Add(internalRef);
        }

        if (added)
        {
            internalRef.SendSystemMessage(new Watch(internalRef, this));
        }

        return target;
    }

    public IActorRef Unwatch(IActorRef target)
    {
        if (target is IInternalActorRef internalRef)
        {
            bool removed;
            lock (_watchLock)
            {
                removed = _watching.Remove(internalRef);
            }

            if (removed)
            {
                internalRef.SendSystemMessage(new Unwatch(internalRef, this));
            }
        }

        return target;
    }

    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsg<T>(_ => true, timeout, hint: null);

    public T ExpectMsg<T>(Func<T, bool> predicate, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        TimeSpan max = timeout ?? TestTime.DefaultTimeout;
        Received received = Take(max) ?? throw new XunitException(
            $"{Path.Name}: expected {typeof(T).Name}{Describe(hint)} within {max.TotalMilliseconds:0} ms but nothing arrived");
        if (received.Message is not T typed)
        {
            throw new XunitException(
                $"{Path.Name}: expected {typeof(T).Name}{Describe(hint)} but got {received.Message.GetType().Name}: {received.Message}");
        }

        if (!predicate(typed))
        {
            throw new XunitException($"{Path.Name}: got {typeof(T).Name} {typed} but it did not match{Describe(hint)}");
        }

        return typed;
    }

    /// <summary>Expects a message equal to <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
        where T : notnull => ExpectMsg<T>(m => Equals(m, expected), timeout, $"equal to {expected}");

    /// <summary>Skips messages until one is a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    public T FishForMessage<T>(Func<T, bool> predicate, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        TimeSpan max = timeout ?? TestTime.DefaultTimeout;
        long deadline = Environment.TickCount64 + (long)max.TotalMilliseconds;
        var skipped = new List<string>();
        while (true)
        {
            long left = deadline - Environment.TickCount64;
            Received? received = left > 0 ? Take(TimeSpan.FromMilliseconds(left)) : null;
            if (received is null)
            {
                throw new XunitException(
                    $"{Path.Name}: fished for {typeof(T).Name}{Describe(hint)} for {max.TotalMilliseconds:0} ms without a match; skipped: [{string.Join(", ", skipped)}]");
            }

            if (received.Message is T typed && predicate(typed))
            {
                return typed;
            }

            skipped.Add(received.Message.GetType().Name);
        }
    }

    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Path.Equals(target.Path), timeout, $"for {target.Path}");

    /// <summary>Fails if any message arrives within <paramref name="window"/>.</summary>
    public void ExpectNoMsg(TimeSpan? window = null)
    {
        Received? received = Take(window ?? TestTime.DefaultNoMessageWindow);
        if (received is not null)
        {
            throw new XunitException($"{Path.Name}: expected no message but got {received.Message.GetType().Name}: {received.Message}");
        }
    }

    /// <summary>Takes the next <paramref name="count"/> messages, whatever they are.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        TimeSpan max = timeout ?? TestTime.DefaultTimeout;
        long deadline = Environment.TickCount64 + (long)max.TotalMilliseconds;
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            long left = deadline - Environment.TickCount64;
            Received received = (left > 0 ? Take(TimeSpan.FromMilliseconds(left)) : null)
                ?? throw new XunitException($"{Path.Name}: expected {count} messages within {max.TotalMilliseconds:0} ms, got {messages.Count}");
            messages.Add(received.Message);
        }

        return messages;
    }

    public override string ToString() => $"TestProbe[{Path}]";

    private static string Describe(string? hint) => hint is null ? string.Empty : $" ({hint})";

    /// <summary>Blocks on a kernel wait signalled by the sender, so it never needs a thread-pool thread to wake.</summary>
    private Received? Take(TimeSpan timeout)
    {
        if (_queue.TryTake(out Received? received, timeout))
        {
            return _last = received;
        }

        return null;
    }

    internal sealed record Received(object Message, IActorRef Sender);
}
