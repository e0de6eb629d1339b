using System.Collections.Frozen;
using NetHub.Configuration;

namespace NetHub.Actors;

/// <summary>
/// Typed <c>nethub.actors</c>. Every key of the embedded reference.conf maps to exactly one property;
/// a test keeps the two in step.
/// </summary>
public sealed record ActorSettings(
    TimeSpan ShutdownTimeout,
    GuardianStrategy GuardianSupervisorStrategy,
    int StashCapacity,
    DeadLetterSettings DeadLetters,
    LogLimitSettings Unhandled,
    IReadOnlyDictionary<string, DispatcherSettings> Dispatchers,
    IReadOnlyDictionary<string, MailboxSettings> Mailboxes)
{
    public const string Section = "nethub.actors";

    public const string ReferenceResource = "NetHub.Actors.reference.conf";

    /// <summary>The embedded reference.conf, unresolved.</summary>
    public static Config Reference { get; } =
        Config.ParseResource(typeof(ActorSettings).Assembly, ReferenceResource);

    /// <summary>Settings from the reference alone.</summary>
    public static ActorSettings Default { get; } = FromConfig(Reference.Resolve());

    /// <summary>Reads <c>nethub.actors</c> from a resolved configuration; errors name the file, line and key.</summary>
    public static ActorSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config c = config.GetConfig(Section);
        Config deadLetters = c.GetConfig("dead-letters");
        Config unhandled = c.GetConfig("unhandled");
        var settings = new ActorSettings(
            ShutdownTimeout: c.GetPositiveDuration("shutdown-timeout"),
            GuardianSupervisorStrategy: c.GetChoice("guardian-supervisor-strategy", ("default", GuardianStrategy.Default), ("stopping", GuardianStrategy.Stopping)),
            StashCapacity: c.GetInt("stash-capacity", min: 1),
            DeadLetters: new DeadLetterSettings(
                deadLetters.GetInt("log-max", min: 0),
                deadLetters.GetPositiveDuration("log-window"),
                deadLetters.GetBoolean("log-during-shutdown")),
            Unhandled: new LogLimitSettings(unhandled.GetInt("log-max", min: 0), unhandled.GetPositiveDuration("log-window")),
            Dispatchers: ReadMap(c.GetConfig("dispatchers"), ReadDispatcher),
            Mailboxes: ReadMap(c.GetConfig("mailboxes"), ReadMailbox));
        if (!settings.Dispatchers.ContainsKey("default"))
        {
            throw c.Error("dispatchers", "a dispatcher named \"default\"");
        }

        if (!settings.Mailboxes.ContainsKey("default"))
        {
            throw c.Error("mailboxes", "a mailbox named \"default\"");
        }

        return settings;
    }

    private static DispatcherSettings ReadDispatcher(Config d)
    {
        DispatcherType type = d.GetChoice("type", ("thread-pool", DispatcherType.ThreadPool), ("dedicated", DispatcherType.Dedicated));
        int threads = d.GetInt("threads");
        if (type == DispatcherType.Dedicated && threads < 1)
        {
            throw d.Error("threads", "at least 1 thread for a dedicated dispatcher", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new DispatcherSettings(type, threads, d.GetInt("throughput", min: 1));
    }

    private static MailboxSettings ReadMailbox(Config m)
    {
        int? capacity = m.GetString("capacity") == "unbounded" ? null : m.GetInt("capacity", min: 1);
        MailboxFullMode mode = m.GetChoice("full-mode", ("wait", MailboxFullMode.Wait), ("drop-oldest", MailboxFullMode.DropOldest), ("drop-newest", MailboxFullMode.DropNewest));
        return new MailboxSettings(capacity, mode, m.GetDuration("push-timeout"));
    }

    private static FrozenDictionary<string, T> ReadMap<T>(Config section, Func<Config, T> read) =>
        section.Keys.ToFrozenDictionary(k => k, k => read(section.GetConfig(Quote(k))), StringComparer.Ordinal);

    private static string Quote(string key) => key.Contains('.', StringComparison.Ordinal) ? $"\"{key}\"" : key;
}
