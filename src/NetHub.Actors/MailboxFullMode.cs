namespace NetHub.Actors;

/// <summary>What a bounded mailbox does with a message that does not fit.</summary>
public enum MailboxFullMode
{
    /// <summary>The sender waits for room up to the push timeout; then the message becomes a dead letter. For cues.</summary>
    Wait,

    /// <summary>The oldest queued message is dropped to make room: latest value wins. For fader streams.</summary>
    DropOldest,

    /// <summary>The incoming message is dropped; what is queued is kept.</summary>
    DropNewest,
}
