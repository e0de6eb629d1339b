namespace NetHub.Actors;

/// <summary>
/// A mailbox declaration: unbounded (<see cref="Capacity"/> null) or bounded with a full mode.
/// <see cref="PushTimeout"/> only matters for <see cref="MailboxFullMode.Wait"/>; it is wall-clock time
/// because it bounds how long a sending thread is blocked.
/// </summary>
public sealed record MailboxSettings(int? Capacity, MailboxFullMode FullMode, TimeSpan PushTimeout)
{
    public static MailboxSettings Unbounded { get; } = new(null, MailboxFullMode.Wait, TimeSpan.Zero);

    public bool IsBounded => Capacity is not null;

    public static MailboxSettings Bounded(int capacity, MailboxFullMode fullMode, TimeSpan? pushTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new MailboxSettings(capacity, fullMode, pushTimeout ?? TimeSpan.FromSeconds(10));
    }
}
