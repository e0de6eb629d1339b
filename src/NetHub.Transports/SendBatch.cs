namespace NetHub.Transports;

/// <summary>
/// Several <see cref="SendMessage"/>s for one endpoint, to be sent in order: what the router passes on after a run of
/// messages, so a stream costs the endpoint one wake-up per run instead of one per message.
/// </summary>
public sealed record SendBatch(IReadOnlyList<SendMessage> Messages)
{
    /// <summary>Hands each message, in order, to <paramref name="send"/>.</summary>
    public void ForEach(Action<SendMessage> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        for (int i = 0; i < Messages.Count; i++)
        {
            send(Messages[i]);
        }
    }

    /// <summary>Hands each message, in order, to <paramref name="send"/>, one after the other.</summary>
    public async Task ForEachAsync(Func<SendMessage, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        for (int i = 0; i < Messages.Count; i++)
        {
            await send(Messages[i]).ConfigureAwait(false);
        }
    }
}
