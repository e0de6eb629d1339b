using System.Runtime.CompilerServices;

namespace NetHub.Actors;

/// <summary>
/// One registered handler. <see cref="TryHandle"/> returns false when the message is not for it;
/// otherwise it runs the handler and returns the handler's task (null for a synchronous handler).
/// </summary>
internal abstract class ReceiveHandler
{
    public abstract bool TryHandle(object message, out Task? pending);

    /// <summary>True when <paramref name="message"/>'s type fits this handler (a predicate may still refuse it); the same for every message of that runtime type.</summary>
    public abstract bool Fits(object message);

    /// <summary>True when this handler takes every message whose type fits: it has no predicate.</summary>
    public abstract bool TakesAll { get; }

    /// <summary>Runs the handler on a message already known to fit and to be taken (<see cref="Fits"/> and <see cref="TakesAll"/>).</summary>
    public abstract Task? Handle(object message);

    /// <summary>A message whose type is known to fit <typeparamref name="T"/>, without testing it again (a boxed value is unboxed).</summary>
    protected static T Known<T>(object message) => typeof(T).IsValueType ? (T)message : Unsafe.As<object, T>(ref message);
}

internal sealed class SyncHandler<T>(Action<T> handler, Func<T, bool>? predicate) : ReceiveHandler
{
    public override bool TakesAll => predicate is null;

    public override bool Fits(object message) => message is T;

    public override Task? Handle(object message)
    {
        handler(Known<T>(message));
        return null;
    }

    public override bool TryHandle(object message, out Task? pending)
    {
        pending = null;
        if (message is T typed && (predicate is null || predicate(typed)))
        {
            handler(typed);
            return true;
        }

        return false;
    }
}

internal sealed class AsyncHandler<T>(Func<T, Task> handler, Func<T, bool>? predicate) : ReceiveHandler
{
    public override bool TakesAll => predicate is null;

    public override bool Fits(object message) => message is T;

    public override Task? Handle(object message) => handler(Known<T>(message));

    public override bool TryHandle(object message, out Task? pending)
    {
        if (message is T typed && (predicate is null || predicate(typed)))
        {
            pending = handler(typed);
            return true;
        }

        pending = null;
        return false;
    }
}
