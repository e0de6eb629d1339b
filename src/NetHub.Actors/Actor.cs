using Microsoft.Extensions.Logging;

namespace NetHub.Actors;

/// <summary>
/// Base class of every actor. Register typed handlers in the constructor (or in <see cref="Become"/>):
/// the first handler whose type and predicate match gets the message. A handler returning a task holds
/// the actor until the task completes: no other message, user or system, touches the actor meanwhile.
/// Actors are created by <see cref="IActorContext.ActorOf"/> from <see cref="Props"/>, never with
/// <c>new</c> directly.
/// </summary>
public abstract class Actor
{
    private readonly ActorCell _cell;
    private List<ReceiveHandler> _handlers = [];
    private bool _configuring = true;

    // What the handlers make of the last few message types: the handler that takes every message of that type, or
    // null when a predicate has a say (then the handlers are asked in turn). Saves a type test per handler asked
    // for the streams an actor mostly gets; forgotten when the handlers change.
    private readonly Type?[] _dispatchTypes = new Type?[DispatchMemory];
    private readonly ReceiveHandler?[] _dispatchHandlers = new ReceiveHandler?[DispatchMemory];
    private int _dispatchNext;
    private const int DispatchMemory = 4;

    protected Actor()
    {
        _cell = ActorCell.Constructing
            ?? throw new InvalidOperationException(
                $"{GetType().Name} was created with 'new'. Actors are created with ActorOf(Props.Create(...)).");
    }

    protected IActorContext Context => _cell;

    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being handled; capture it before the first await.</summary>
    protected IActorRef Sender => _cell.Sender;

    protected ILogger Log => _cell.Log;

    protected ITimerScheduler Timers => _cell.Timers;

    protected IStash Stash => _cell.Stash;

    /// <summary>Cancelled when this actor is asked to stop or restart.</summary>
    protected CancellationToken StoppingToken => _cell.StoppingToken;

    /// <summary>The strategy for this actor's children. Defaults to the one in <see cref="Props"/>, else <see cref="Actors.SupervisorStrategy.Default"/>.</summary>
    protected internal virtual SupervisorStrategy SupervisorStrategy() =>
        _cell.Props.SupervisorStrategy ?? Actors.SupervisorStrategy.Default;

    protected internal virtual void PreStart()
    {
    }

    protected internal virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before it is replaced. The default stops all children and calls <see cref="PostStop"/>.</summary>
    protected internal virtual void PreRestart(Exception reason, object? message)
    {
        foreach (IActorRef child in Context.Children)
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the fresh instance after a restart. The default calls <see cref="PreStart"/>.</summary>
    protected internal virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// Called after the actor has handled a run of messages (everything that was queued, or the dispatcher's throughput
    /// quantum), before its thread goes to other work; never while an async handler is pending or after a failure. An
    /// actor that buffers output (sends to one endpoint, records for the history) passes it on here, once per run
    /// instead of once per message; the default does nothing. An exception here is a failure of the actor, as in a handler.
    /// </summary>
    protected internal virtual void RunCompleted()
    {
    }

    /// <summary>
    /// Called for a message no handler took. The default throws <see cref="DeathPactException"/> for
    /// <see cref="Terminated"/> and otherwise publishes <see cref="UnhandledMessage"/> and logs it.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException($"{Self.Path} watched {terminated.ActorRef.Path}, which stopped, and has no handler for Terminated")
            {
                DeadActor = terminated.ActorRef,
            };
        }

        _cell.PublishUnhandled(message);
    }

    protected void Receive<T>(Action<T> handler) => Add(new SyncHandler<T>(Check(handler), null));

    protected void Receive<T>(Func<T, bool> predicate, Action<T> handler) =>
        Add(new SyncHandler<T>(Check(handler), Check(predicate)));

    protected void ReceiveAsync<T>(Func<T, Task> handler) => Add(new AsyncHandler<T>(Check(handler), null));

    protected void ReceiveAsync<T>(Func<T, bool> predicate, Func<T, Task> handler) =>
        Add(new AsyncHandler<T>(Check(handler), Check(predicate)));

    protected void ReceiveAny(Action<object> handler) => Add(new SyncHandler<object>(Check(handler), null));

    protected void ReceiveAnyAsync(Func<object, Task> handler) => Add(new AsyncHandler<object>(Check(handler), null));

    /// <summary>Replaces all handlers with those registered by <paramref name="configure"/>, from the next message on.</summary>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        List<ReceiveHandler> previous = _handlers;
        bool wasConfiguring = _configuring;
        _handlers = [];
        ForgetDispatch();
        _configuring = true;
        try
        {
            configure();
        }
        catch
        {
            _handlers = previous;
            ForgetDispatch();
            throw;
        }
        finally
        {
            _configuring = wasConfiguring;
        }
    }

    internal void EndConfiguration() => _configuring = false;

    /// <summary>Runs the first matching handler. Returns false when none matched.</summary>
    internal bool Dispatch(object message, out Task? pending)
    {
        Type type = message.GetType();
        Type?[] types = _dispatchTypes;
        int known = 0;
        while (known < types.Length && !ReferenceEquals(types[known], type))
        {
            known++;
        }

        ReceiveHandler? takesAll = known < types.Length ? _dispatchHandlers[known] : Learn(type, message);
        if (takesAll is not null)
        {
            pending = takesAll.Handle(message);
            return true;
        }

        List<ReceiveHandler> handlers = _handlers;
        for (int i = 0; i < handlers.Count; i++)
        {
            if (handlers[i].TryHandle(message, out pending))
            {
                return true;
            }
        }

        pending = null;
        return false;
    }

    /// <summary>
    /// Remembers which handler a message of <paramref name="type"/> (here <paramref name="message"/>) goes to: the first
    /// whose type fits, when it has no predicate; otherwise null, and the handlers are asked in turn for each such message.
    /// </summary>
    private ReceiveHandler? Learn(Type type, object message)
    {
        ReceiveHandler? takesAll = null;
        foreach (ReceiveHandler handler in _handlers)
        {
            if (handler.Fits(message))
            {
                takesAll = handler.TakesAll ? handler : null;
                break;
            }
        }

        int slot = _dispatchNext;
        _dispatchNext = (slot + 1) % DispatchMemory;
        _dispatchTypes[slot] = type;
        _dispatchHandlers[slot] = takesAll;
        return takesAll;
    }

    private void ForgetDispatch()
    {
        Array.Clear(_dispatchTypes);
        Array.Clear(_dispatchHandlers);
    }

    internal void RunUnhandled(object message) => Unhandled(message);

    private static TDelegate Check<TDelegate>(TDelegate d)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(d);
        return d;
    }

    private void Add(ReceiveHandler handler)
    {
        if (!_configuring)
        {
            throw new InvalidOperationException(
                $"{GetType().Name}: handlers are registered in the constructor or inside Become, not while handling a message.");
        }

        _handlers.Add(handler);
        ForgetDispatch();
    }
}
