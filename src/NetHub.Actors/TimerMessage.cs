namespace NetHub.Actors;

/// <summary>A timer's message on its way through the mailbox; stale generations are discarded.</summary>
internal sealed class TimerMessage(object key, int generation, object message, TimerScheduler owner)
{
    public object Key { get; } = key;

    public int Generation { get; } = generation;

    public object Message { get; } = message;

    public TimerScheduler Owner { get; } = owner;
}
