namespace NetHub.Hub.History;

/// <summary>
/// Entries ordered by when they were last touched (newest first), with the links inside the entries: touch, add
/// and remove are O(1) and allocate nothing, and the oldest entry is the one to evict.
/// </summary>
internal sealed class RecencyList<T>
    where T : TrackedEntry<T>
{
    public T? Newest { get; private set; }

    public T? Oldest { get; private set; }

    public int Count { get; private set; }

    public void AddNewest(T entry)
    {
        entry.Older = Newest;
        entry.Newer = null;
        if (Newest is not null)
        {
            Newest.Newer = entry;
        }

        Newest = entry;
        Oldest ??= entry;
        entry.Linked = true;
        Count++;
    }

    public void Touch(T entry)
    {
        if (ReferenceEquals(Newest, entry))
        {
            return;
        }

        Remove(entry);
        AddNewest(entry);
    }

    public void Remove(T entry)
    {
        if (!entry.Linked)
        {
            return;
        }

        if (entry.Newer is null)
        {
            Newest = entry.Older;
        }
        else
        {
            entry.Newer.Older = entry.Older;
        }

        if (entry.Older is null)
        {
            Oldest = entry.Newer;
        }
        else
        {
            entry.Older.Newer = entry.Newer;
        }

        entry.Newer = null;
        entry.Older = null;
        entry.Linked = false;
        Count--;
    }
}
