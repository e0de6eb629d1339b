using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>
/// Several <see cref="SendMessage"/>s for one endpoint, to be sent in order: what the router passes on after a run of
/// messages, so a stream costs the endpoint one wake-up per run instead of one per message.
/// <para>
/// The router's batches come from a <see cref="SendBatchPool"/> and go back to it when the endpoint calls
/// <see cref="Release"/> after sending them, so a stream allocates no batches. Such a batch also lends the arguments
/// a route computed (<see cref="AddLent"/>): payloads it keeps per entry and fills again when it is reused. An
/// endpoint calls <see cref="Release"/> only once nothing it holds refers to the batch's sends (it has written them
/// out); whoever keeps a send longer keeps <see cref="SendMessage.Detach"/> or <see cref="SendMessage.Message"/>. A
/// batch never released is simply collected.
/// </para>
/// </summary>
public sealed class SendBatch
{
    private readonly SendBatchPool? _pool;
    private SendMessage[] _items;
    private int _count;

    // The payloads lent to entries, by entry index: each reused while the entry's argument count stays the same.
    private OscPayload?[]? _lent;
    private OscArgument[]?[]? _lentArguments;
    private int _released;

    /// <summary>A batch of <paramref name="messages"/>, kept as given (nothing is lent or pooled).</summary>
    public SendBatch(IReadOnlyList<SendMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _items = [.. messages];
        _count = _items.Length;
    }

    internal SendBatch(SendBatchPool pool, int capacity)
    {
        _pool = pool;
        _items = new SendMessage[capacity];
    }

    public int Count => _count;

    public SendMessage this[int index] => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The sends, in order, without copying them.</summary>
    public ReadOnlySpan<SendMessage> Span => _items.AsSpan(0, _count);

    /// <summary>Adds <paramref name="message"/> at the end.</summary>
    public void Add(SendMessage message)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = message;
    }

    /// <summary>
    /// Adds a send of <paramref name="original"/> with <paramref name="address"/> and a copy of
    /// <paramref name="arguments"/> in a payload this batch lends: one it made for this entry before and fills again
    /// when the count matches, so a stream of messages with the same shape allocates nothing here.
    /// </summary>
    public void AddLent(HubMessage original, string address, ReadOnlySpan<OscArgument> arguments, string? to)
    {
        if (_count == _items.Length || _lent is null || _lent.Length < _items.Length)
        {
            GrowLent();
        }

        OscPayload? payload = _lent![_count];
        OscArgument[]? values = _lentArguments![_count];
        if (payload is null || values!.Length != arguments.Length)
        {
            (payload, values) = NewLent(arguments.Length);
        }

        // The payload's list is this array: it is only ever written here, while the batch is not out. An element loop:
        // a few arguments, where CopyTo's bulk move with write barriers is a call.
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = arguments[i];
        }
        _items[_count++] = SendMessage.Lent(original, address, payload, to);
    }

    // Out of line, the rare steps of AddLent: it is inlined where streams are routed, and stays small there.

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void GrowLent()
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        if (_lent is null || _lent.Length < _items.Length)
        {
            Array.Resize(ref _lent, _items.Length);
            Array.Resize(ref _lentArguments, _items.Length);
        }
    }

    /// <summary>A payload for the entry at the count, of <paramref name="length"/> arguments, kept for the entries after it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private (OscPayload Payload, OscArgument[] Values) NewLent(int length)
    {
        var values = new OscArgument[length];
        var payload = new OscPayload(values);
        _lent![_count] = payload;
        _lentArguments![_count] = values;
        return (payload, values);
    }

    /// <summary>Hands each message, in order, to <paramref name="send"/>, one after the other.</summary>
    public async Task ForEachAsync(Func<SendMessage, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        for (int i = 0; i < _count; i++)
        {
            await send(_items[i]).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Says the sends have been written out and nothing refers to them: a pooled batch is emptied and goes back to its
    /// pool, and its lent payloads will be filled again. Only the first call counts; a batch not from a pool is
    /// left as it is.
    /// </summary>
    public void Release()
    {
        if (_pool is null || Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        // The messages go: a batch waiting in the pool must not keep them (and what they refer to) alive.
        Array.Clear(_items, 0, _count);
        _count = 0;
        _pool.Return(this);
    }

    /// <summary>For logs (a batch in dead letters): how many sends, and the first few addresses.</summary>
    public override string ToString()
    {
        const int Shown = 3;
        var addresses = new List<string>(Math.Min(_count, Shown));
        for (int i = 0; i < _count && i < Shown; i++)
        {
            addresses.Add(_items[i].Address);
        }

        string more = _count > Shown ? $", ... ({_count - Shown} more)" : string.Empty;
        return $"{_count} send(s): {string.Join(", ", addresses)}{more}";
    }

    /// <summary>Makes a released batch ready to be filled again (the pool's side of <see cref="Release"/>).</summary>
    internal void Reuse() => Volatile.Write(ref _released, 0);
}
