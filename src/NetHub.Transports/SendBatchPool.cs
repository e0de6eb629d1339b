namespace NetHub.Transports;

/// <summary>
/// The batches one sender (the router) fills and its endpoints hand back with <see cref="SendBatch.Release"/>: a few
/// kept at a time, taken and returned without locks, so a steady stream of runs reuses the same batches. When all are
/// out (endpoints behind), <see cref="Rent"/> makes a new one; when the pool is full, a returned batch is dropped.
/// </summary>
public sealed class SendBatchPool
{
    private readonly SendBatch?[] _kept;
    private readonly int _capacity;

    /// <param name="kept">How many released batches to keep for reuse.</param>
    /// <param name="capacity">How many sends a new batch holds before it grows.</param>
    public SendBatchPool(int kept = 16, int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kept, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _kept = new SendBatch?[kept];
        _capacity = capacity;
    }

    /// <summary>An empty batch: a released one when there is one, else a new one.</summary>
    public SendBatch Rent()
    {
        for (int i = 0; i < _kept.Length; i++)
        {
            if (Volatile.Read(ref _kept[i]) is not null && Interlocked.Exchange(ref _kept[i], null) is { } batch)
            {
                batch.Reuse();
                return batch;
            }
        }

        return new SendBatch(this, _capacity);
    }

    internal void Return(SendBatch batch)
    {
        for (int i = 0; i < _kept.Length; i++)
        {
            if (Volatile.Read(ref _kept[i]) is null && Interlocked.CompareExchange(ref _kept[i], batch, null) is null)
            {
                return;
            }
        }
    }
}
