namespace NetHub.Actors;

/// <summary>The bounded stash of one actor; lives in the cell so it survives a restart.</summary>
internal sealed class ActorStash(ActorCell cell, int capacity) : IStash
{
    private readonly List<Envelope> _items = [];

    public int Count => _items.Count;

    public int Capacity { get; } = capacity;

    public void Stash()
    {
        Envelope current = cell.CurrentEnvelope;
        if (current.Message is null)
        {
            throw new InvalidOperationException($"{cell.Path}: Stash() is only valid while handling a message");
        }

        if (_items.Count > 0 && ReferenceEquals(_items[^1].Message, current.Message))
        {
            throw new InvalidOperationException($"{cell.Path}: the same message cannot be stashed twice");
        }

        if (_items.Count >= Capacity)
        {
            throw new StashOverflowException(
                $"{cell.Path} stashed more than {Capacity} messages while waiting; raise the stash capacity or stop stashing");
        }

        _items.Add(current);
    }

    public void Unstash()
    {
        if (_items.Count == 0)
        {
            return;
        }

        Envelope first = _items[0];
        _items.RemoveAt(0);
        cell.PrependUnstashed([first]);
    }

    public void UnstashAll()
    {
        if (_items.Count == 0)
        {
            return;
        }

        Envelope[] all = [.. _items];
        _items.Clear();
        cell.PrependUnstashed(all);
    }

    /// <summary>On restart the fresh instance gets the stashed messages first.</summary>
    internal void ReturnAllForRestart() => UnstashAll();

    /// <summary>On stop, stashed and unstashed messages become dead letters.</summary>
    internal void DropAll()
    {
        foreach (Envelope envelope in _items)
        {
            cell.SendToDeadLetters(envelope);
        }

        _items.Clear();
    }
}
