using Microsoft.Extensions.Logging;

namespace NetHub.Actors;

/// <summary>
/// Publish/subscribe by type within one actor system. A subscriber to type T receives every published
/// event assignable to T. Actor subscribers that have stopped are dropped on the next publish.
/// Callback subscribers run synchronously on the publishing thread; keep them short.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Akka's name for the system event bus, which Akka users know.")]
public sealed class EventStream
{
    private readonly ILogger _log;
    private Subscription[] _subscriptions = [];

    internal EventStream(ILogger log) => _log = log;

    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        return Update(list => list.Any(s => ReferenceEquals(s.Actor, subscriber) && s.Channel == channel)
            ? null
            : [.. list, new Subscription(channel, subscriber, null)]);
    }

    public bool Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    /// <summary>Subscribes a callback; dispose the result to unsubscribe.</summary>
    public IDisposable Subscribe<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(typeof(T), null, e => handler((T)e));
        Update(list => [.. list, subscription]);
        return new Unsubscriber(this, subscription);
    }

    public bool Unsubscribe(IActorRef subscriber, Type channel) =>
        Update(list => list.Any(s => ReferenceEquals(s.Actor, subscriber) && s.Channel == channel)
            ? [.. list.Where(s => !(ReferenceEquals(s.Actor, subscriber) && s.Channel == channel))]
            : null);

    public bool Unsubscribe(IActorRef subscriber) =>
        Update(list => list.Any(s => ReferenceEquals(s.Actor, subscriber))
            ? [.. list.Where(s => !ReferenceEquals(s.Actor, subscriber))]
            : null);

    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        Type type = @event.GetType();
        bool sawDead = false;
        foreach (Subscription s in Volatile.Read(ref _subscriptions))
        {
            if (!s.Channel.IsAssignableFrom(type))
            {
                continue;
            }

            if (s.Actor is not null)
            {
                if (s.Actor.IsTerminated())
                {
                    sawDead = true;
                    continue;
                }

                s.Actor.Tell(@event);
            }
            else
            {
                try
                {
                    s.Callback!(@event);
                }
                catch (Exception ex)
                {
                    ActorsLog.EventSubscriberFailed(_log, ex, type.Name);
                }
            }
        }

        if (sawDead)
        {
            Update(list => [.. list.Where(s => s.Actor is null || !s.Actor.IsTerminated())]);
        }
    }

    private bool Update(Func<Subscription[], Subscription[]?> change)
    {
        while (true)
        {
            Subscription[] current = Volatile.Read(ref _subscriptions);
            Subscription[]? next = change(current);
            if (next is null)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _subscriptions, next, current) == current)
            {
                return true;
            }
        }
    }

    private sealed record Subscription(Type Channel, IActorRef? Actor, Action<object>? Callback);

    private sealed class Unsubscriber(EventStream stream, Subscription subscription) : IDisposable
    {
        public void Dispose() => stream.Update(list => list.Contains(subscription) ? [.. list.Where(s => s != subscription)] : null);
    }
}
