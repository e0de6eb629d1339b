using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NetHub.Actors;

/// <summary>
/// A tree of actors under /user (the application) and /system (infrastructure), with the dispatchers,
/// scheduler, event stream and dead letters they share. Termination stops /user first, then /system,
/// children before parents, and always completes within the configured shutdown timeout: an actor that
/// will not stop is abandoned and named in the log.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private static readonly SystemMessage StopMessage = NetHub.Actors.Terminate.Instance;

    private readonly Dictionary<string, MessageDispatcher> _dispatchers;
    private readonly LocalActorRef _root;
    private readonly LocalActorRef _userGuardian;
    private readonly LocalActorRef _systemGuardian;
    private readonly Scheduler _scheduler;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LogLimiter _deadLetterLog;
    private readonly LogLimiter _unhandledLog;
    private long _uid;
    private long _tempId;
    private long _deadLetterCount;
    private long _unhandledCount;
    private int _terminating;
    private int _finished;
    private long _terminateStarted;
    private ITimer? _shutdownDeadline;

    private ActorSystem(string name, ActorSystemSetup setup)
    {
        if (!ActorPath.IsValidName(name, allowGenerated: false))
        {
            throw new ArgumentException($"Invalid actor system name '{name}': use letters, digits and '-'", nameof(name));
        }

        Name = name;
        Time = setup.Time ?? TimeProvider.System;
        LoggerFactory = setup.LoggerFactory ?? NullLoggerFactory.Instance;
        Log = LoggerFactory.CreateLogger("NetHub.Actors.ActorSystem");
        Settings = setup.Settings
            ?? ActorSettings.FromConfig((setup.Config ?? ActorSettings.Reference).WithFallback(ActorSettings.Reference).Resolve());
        _deadLetterLog = new LogLimiter(Settings.DeadLetters.LogMax, Settings.DeadLetters.LogWindow, Time);
        _unhandledLog = new LogLimiter(Settings.Unhandled.LogMax, Settings.Unhandled.LogWindow, Time);
        _scheduler = new Scheduler(Time, Log);
        EventStream = new EventStream(Log);
        _dispatchers = Settings.Dispatchers.ToDictionary(
            d => d.Key,
            d => d.Value.Type == DispatcherType.Dedicated
                ? (MessageDispatcher)new DedicatedThreadDispatcher(d.Key, d.Value.Throughput, d.Value.Threads, name)
                : new ThreadPoolDispatcher(d.Key, d.Value.Throughput),
            StringComparer.Ordinal);

        ActorPath rootPath = ActorPath.Root(name);
        DeadLetters = new DeadLetterActorRef(this, rootPath.Child("deadLetters"));
        var rootSupervisor = new RootSupervisor(this, rootPath.Child("bubble-walker"));
        _root = new LocalActorRef(rootPath);
        Props rootProps = Props.Create(() => new RootGuardianActor());
        var rootCell = new ActorCell(this, _root, rootSupervisor, rootProps, CreateMailbox(rootProps), GetDispatcher("default"));
        _root.Attach(rootCell);
        SupervisorStrategy userStrategy = Settings.GuardianSupervisorStrategy == GuardianStrategy.Stopping
            ? SupervisorStrategy.Stopping
            : SupervisorStrategy.Default;
        _userGuardian = (LocalActorRef)rootCell.ActorOf(Props.Create(() => new GuardianActor(userStrategy)), "user");
        _systemGuardian = (LocalActorRef)rootCell.ActorOf(Props.Create(() => new GuardianActor(SupervisorStrategy.Default)), "system");
        rootCell.Start();
        ActorsLog.SystemStarted(Log, name, _dispatchers.Count, Time == TimeProvider.System ? "system clock" : Time.GetType().Name);
    }

    public string Name { get; }

    public ActorSettings Settings { get; }

    /// <summary>The clock every timer, scheduled task and ask timeout in this system uses.</summary>
    public TimeProvider Time { get; }

    public ILoggerFactory LoggerFactory { get; }

    public IScheduler Scheduler => _scheduler;

    public EventStream EventStream { get; }

    public IActorRef DeadLetters { get; }

    public long DeadLetterCount => Interlocked.Read(ref _deadLetterCount);

    public long UnhandledCount => Interlocked.Read(ref _unhandledCount);

    public bool IsTerminating => Volatile.Read(ref _terminating) != 0;

    public Task WhenTerminated => _terminated.Task;

    internal ILogger Log { get; }

    public static ActorSystem Create(string name, ActorSystemSetup? setup = null) => new(name, setup ?? new ActorSystemSetup());

    /// <summary>Creates a top-level actor under /user.</summary>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        ThrowIfTerminating();
        return _userGuardian.Cell.ActorOf(props, name);
    }

    /// <summary>Creates an infrastructure actor under /system.</summary>
    public IActorRef SystemActorOf(Props props, string? name = null)
    {
        ThrowIfTerminating();
        return _systemGuardian.Cell.ActorOf(props, name);
    }

    /// <summary>Stops any actor (children first, then it).</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef local && !ReferenceEquals(local.Cell.System, this))
        {
            throw new ArgumentException($"{actor.Path} belongs to another actor system than '{Name}'", nameof(actor));
        }

        if (actor is IInternalActorRef target)
        {
            target.SendSystemMessage(StopMessage);
        }
    }

    /// <summary>Finds a live actor by "/user/a/b" or "nethub://system/user/a/b".</summary>
    public bool TryResolve(string path, [NotNullWhen(true)] out IActorRef? actor)
    {
        ArgumentNullException.ThrowIfNull(path);
        actor = null;
        if (!ActorPath.TrySplit(path, Name, out string[] elements))
        {
            return false;
        }

        if (elements is ["deadLetters"])
        {
            actor = DeadLetters;
            return true;
        }

        LocalActorRef current = _root;
        foreach (string element in elements)
        {
            LocalActorRef? next = current.Cell.TryGetChild(element);
            if (next is null)
            {
                return false;
            }

            current = next;
        }

        if (current.IsTerminated)
        {
            return false;
        }

        actor = current;
        return true;
    }

    /// <summary>
    /// Stops /user (children before parents), then /system. Completes within the shutdown timeout
    /// even if an actor never stops; such actors are logged and abandoned.
    /// </summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _terminateStarted = Time.GetTimestamp();
            _shutdownDeadline = Time.CreateTimer(static s => ((ActorSystem)s!).FinishTermination(forced: true), this, Settings.ShutdownTimeout, Timeout.InfiniteTimeSpan);
            ((IInternalActorRef)_userGuardian).SendSystemMessage(StopMessage);
        }

        return WhenTerminated;
    }

    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    public override string ToString() => $"ActorSystem({Name})";

    internal long NextUid() => Interlocked.Increment(ref _uid);

    internal ActorPath NextTempPath() => ActorPath.Root(Name).Child("temp").Child("$" + Interlocked.Increment(ref _tempId).ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal Mailbox CreateMailbox(Props props)
    {
        MailboxSettings settings = props.Mailbox
            ?? (Settings.Mailboxes.TryGetValue(props.MailboxName, out MailboxSettings? named)
                ? named
                : throw new ArgumentException(
                    $"Unknown mailbox '{props.MailboxName}' for {props.ActorType.Name}; configured mailboxes: {string.Join(", ", Settings.Mailboxes.Keys)} (nethub.actors.mailboxes)",
                    nameof(props)));
        return new Mailbox(settings);
    }

    internal MessageDispatcher GetDispatcher(string id) =>
        _dispatchers.TryGetValue(id, out MessageDispatcher? dispatcher)
            ? dispatcher
            : throw new ArgumentException(
                $"Unknown dispatcher '{id}'; configured dispatchers: {string.Join(", ", _dispatchers.Keys)} (nethub.actors.dispatchers)",
                nameof(id));

    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        Interlocked.Increment(ref _deadLetterCount);
        EventStream.Publish(new DeadLetter(message, sender, recipient));
        // A Terminated for a watcher that stopped first is the normal end of a shutdown, not a lost message (Akka does
        // not log these either); it is still counted and published.
        bool quiet = (IsTerminating && !Settings.DeadLetters.LogDuringShutdown) || message is Terminated;
        if (!quiet && _deadLetterLog.TryAcquire(out long suppressed))
        {
            ActorsLog.DeadLetter(Log, message.GetType().Name, sender?.Path.ToString() ?? "no sender", recipient.Path.ToString(), Suppressed(suppressed));
        }
    }

    internal void PublishUnhandled(UnhandledMessage unhandled)
    {
        Interlocked.Increment(ref _unhandledCount);
        EventStream.Publish(unhandled);
        if (_unhandledLog.TryAcquire(out long suppressed))
        {
            ActorsLog.Unhandled(Log, unhandled.Message.GetType().Name, unhandled.Sender?.Path.ToString() ?? "no sender", unhandled.Recipient.Path.ToString(), Suppressed(suppressed));
        }
    }

    /// <summary>Completes termination, normally (the root stopped) or forced (the deadline passed).</summary>
    internal void FinishTermination(bool forced)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return;
        }

        if (forced)
        {
            ReportAbandoned(_root);
        }

        _shutdownDeadline?.Dispose();
        _scheduler.Shutdown();
        foreach (MessageDispatcher dispatcher in _dispatchers.Values)
        {
            dispatcher.Shutdown(forced ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1));
        }

        double elapsed = _terminateStarted == 0 ? 0 : Time.GetElapsedTime(_terminateStarted).TotalMilliseconds;
        ActorsLog.SystemTerminated(Log, Name, elapsed);
        _terminated.TrySetResult();
    }

    private static string Suppressed(long count) => count == 0 ? string.Empty : $" ({count} more suppressed since the last one logged)";

    /// <summary>
    /// Names the actors that keep a stop from completing: those under a stopping ancestor (or asked to
    /// stop themselves) that are not terminated and have no live children to wait for.
    /// </summary>
    private void ReportAbandoned(LocalActorRef actor, bool ancestorStopping = false)
    {
        ActorCell cell = actor.Cell;
        if (cell.IsTerminated)
        {
            return;
        }

        bool stopping = ancestorStopping || cell.StopRequested;
        bool liveChild = false;
        foreach (IActorRef child in cell.ChildrenSnapshot())
        {
            if (child is LocalActorRef local && !local.IsTerminated)
            {
                liveChild = true;
                ReportAbandoned(local, stopping);
            }
        }

        if (!liveChild && stopping)
        {
            ActorsLog.ActorAbandoned(Log, Name, actor.Path.ToString(), Settings.ShutdownTimeout, cell.CurrentMessageType?.Name ?? "nothing (waiting)");
        }
    }

    private void ThrowIfTerminating()
    {
        if (IsTerminating)
        {
            throw new InvalidOperationException($"Actor system '{Name}' is terminating; no new actors can be created");
        }
    }
}
