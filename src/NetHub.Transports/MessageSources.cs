using NetHub.Messages;

namespace NetHub.Transports;

/// <summary>
/// The <see cref="MessageSource"/> of each recent peer of one endpoint, so the messages of a stream share one instead of
/// carrying one each. Remembers the last <see cref="Remembered"/> peers. Safe from several receive threads at once: a race
/// at worst makes an equal source twice.
/// </summary>
internal sealed class MessageSources(string node, string endpoint)
{
    private const int Remembered = 8;
    private readonly MessageSource?[] _recent = new MessageSource?[Remembered];
    private int _next;

    public MessageSource Of(string? peer)
    {
        MessageSource?[] recent = _recent;
        for (int i = 0; i < recent.Length; i++)
        {
            if (Volatile.Read(ref recent[i]) is { } known && string.Equals(known.Peer, peer, StringComparison.Ordinal))
            {
                return known;
            }
        }

        var made = new MessageSource(node, endpoint, peer);
        int slot = (int)((uint)Interlocked.Increment(ref _next) % Remembered);
        Volatile.Write(ref recent[slot], made);
        return made;
    }
}
