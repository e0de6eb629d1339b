namespace NetHub.Actors;

/// <summary>
/// The recipe for an actor: how to construct it and where it runs. Immutable; each <c>With*</c>
/// returns a copy. The factory runs once per incarnation, so a restart gets a fresh instance.
/// </summary>
public sealed record Props
{
    private Props(Type actorType, Func<Actor> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    public Type ActorType { get; }

    /// <summary>A named mailbox from <c>nethub.actors.mailboxes</c>; ignored when <see cref="Mailbox"/> is set.</summary>
    public string MailboxName { get; init; } = "default";

    /// <summary>An explicit mailbox declaration; wins over <see cref="MailboxName"/>.</summary>
    public MailboxSettings? Mailbox { get; init; }

    /// <summary>A dispatcher from <c>nethub.actors.dispatchers</c>.</summary>
    public string Dispatcher { get; init; } = "default";

    /// <summary>How this actor supervises its children, unless the actor overrides it.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>Stash capacity; null uses <c>nethub.actors.stash-capacity</c>.</summary>
    public int? StashCapacity { get; init; }

    /// <summary>
    /// Whether a thread that opted in with <see cref="InlineRuns"/> (an endpoint's receive loop) may run this actor
    /// itself when it finds it idle, rather than wake a pool thread. For actors whose turns are short and never block.
    /// </summary>
    public bool RunsOnSender { get; init; }

    internal Func<Actor> Factory { get; }

    public static Props Create<T>()
        where T : Actor, new() => new(typeof(T), static () => new T());

    public static Props Create<T>(Func<T> factory)
        where T : Actor
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(T), factory);
    }

    public Props WithMailbox(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return this with { MailboxName = name, Mailbox = null };
    }

    public Props WithMailbox(MailboxSettings mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return this with { Mailbox = mailbox };
    }

    public Props WithDispatcher(string dispatcher)
    {
        ArgumentException.ThrowIfNullOrEmpty(dispatcher);
        return this with { Dispatcher = dispatcher };
    }

    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }

    public Props WithStashCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return this with { StashCapacity = capacity };
    }

    /// <summary>See <see cref="RunsOnSender"/>.</summary>
    public Props WithRunsOnSender() => this with { RunsOnSender = true };

    public override string ToString() => $"Props({ActorType.Name}, mailbox {Mailbox?.ToString() ?? MailboxName}, dispatcher {Dispatcher})";
}
