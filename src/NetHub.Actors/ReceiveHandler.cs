namespace NetHub.Actors;

/// <summary>
/// One registered handler. <see cref="TryHandle"/> returns false when the message is not for it;
/// otherwise it runs the handler and returns the handler's task (null for a synchronous handler).
/// </summary>
internal abstract class ReceiveHandler
{
    public abstract bool TryHandle(object message, out Task? pending);
}

internal sealed class SyncHandler<T>(Action<T> handler, Func<T, bool>? predicate) : ReceiveHandler
{
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
