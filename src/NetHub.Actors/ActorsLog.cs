using Microsoft.Extensions.Logging;

namespace NetHub.Actors;

/// <summary>
/// Every log event of the actor runtime. Event ids 1000-1099 belong to this module (see
/// docs/logging.md for the table of all modules). Messages name the actor path and say what to do.
/// </summary>
internal static partial class ActorsLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Actor system '{System}' started ({Dispatchers} dispatchers, time source {Time})")]
    public static partial void SystemStarted(ILogger logger, string system, int dispatchers, string time);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Actor system '{System}' terminated in {ElapsedMs:0} ms")]
    public static partial void SystemTerminated(ILogger logger, string system, double elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Actor system '{System}': {Actor} did not stop within the shutdown timeout of {Timeout}; it was abandoned (busy with {MessageType}). Check it for a blocking call.")]
    public static partial void ActorAbandoned(ILogger logger, string system, string actor, TimeSpan timeout, string messageType);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "{Child} failed while handling {MessageType}; restarting it")]
    public static partial void ChildRestarted(ILogger logger, Exception cause, string child, string messageType);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "{Child} failed while handling {MessageType}; resuming it (state kept, message dropped)")]
    public static partial void ChildResumed(ILogger logger, Exception cause, string child, string messageType);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "{Child} failed while handling {MessageType}; stopping it")]
    public static partial void ChildStopped(ILogger logger, Exception cause, string child, string messageType);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "{Child} failed while handling {MessageType} after {Restarts} restarts within {Window}; restart budget exhausted, stopping it")]
    public static partial void ChildRestartBudgetExhausted(ILogger logger, Exception cause, string child, string messageType, int restarts, TimeSpan window);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Error, Message = "{Actor}: {Hook} threw; continuing with the lifecycle")]
    public static partial void LifecycleHookFailed(ILogger logger, Exception ex, ActorPath actor, string hook);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "{Actor} failed while stopping (handling {MessageType}); it stops anyway")]
    public static partial void FailureWhileStopping(ILogger logger, Exception ex, ActorPath actor, string messageType);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Critical, Message = "Internal error in the actor runtime while running {Actor}; the actor is stopped so the node keeps running")]
    public static partial void RuntimeFault(ILogger logger, Exception ex, ActorPath actor);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Error, Message = "Top-level guardian {Actor} failed; stopping it")]
    public static partial void GuardianFailed(ILogger logger, Exception ex, string actor);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Dead letter: {MessageType} from {Sender} to {Recipient} was not delivered (the recipient has stopped or never existed){Suppressed}")]
    public static partial void DeadLetter(ILogger logger, string messageType, string sender, string recipient, string suppressed);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Unhandled message: {Recipient} has no handler for {MessageType} from {Sender}{Suppressed}")]
    public static partial void Unhandled(ILogger logger, string messageType, string sender, string recipient, string suppressed);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Error, Message = "A scheduled action threw; the scheduler keeps running")]
    public static partial void ScheduledActionFailed(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Error, Message = "An event-stream subscriber for {EventType} threw; other subscribers still get the event")]
    public static partial void EventSubscriberFailed(ILogger logger, Exception ex, string eventType);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Error, Message = "{Actor}: a StoppingToken callback threw")]
    public static partial void CancellationCallbackFailed(ILogger logger, Exception ex, ActorPath actor);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "{Child} will be restarted in {DelayMs:0} ms (attempt {Attempt}{Limit}) after: {Reason}")]
    public static partial void BackoffRestartScheduled(ILogger logger, string child, double delayMs, int attempt, string limit, string reason);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Error, Message = "{Child} failed {Attempts} times in a row; giving up (max restarts {Max}). Fix the cause and restart it")]
    public static partial void BackoffGaveUp(ILogger logger, string child, int attempts, int max);

    [LoggerMessage(EventId = 1042, Level = LogLevel.Error, Message = "{Child} failed and its decider says stop; it will not be restarted")]
    public static partial void BackoffChildStoppedForGood(ILogger logger, Exception ex, string child);
}
