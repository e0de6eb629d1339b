namespace NetHub.Hub.History;

/// <summary>A node of an <see cref="RecencyList{T}"/>: the links live in the entry, so moving it allocates nothing.</summary>
internal abstract class TrackedEntry<T>
    where T : TrackedEntry<T>
{
    public T? Newer { get; set; }

    public T? Older { get; set; }

    public bool Linked { get; set; }
}
