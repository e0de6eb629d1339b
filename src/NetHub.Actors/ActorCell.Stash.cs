namespace NetHub.Actors;

/// <summary>Messages returned from the stash; they are handled before anything in the mailbox.</summary>
internal sealed partial class ActorCell
{
    private LinkedList<Envelope>? _unstashed;

    public bool HasUnstashed => _unstashed is { Count: > 0 };

    public bool TryTakeUnstashed(out Envelope envelope)
    {
        if (_unstashed is { Count: > 0 } queue)
        {
            envelope = queue.First!.Value;
            queue.RemoveFirst();
            return true;
        }

        envelope = default;
        return false;
    }

    /// <summary>Puts <paramref name="batch"/> (oldest first) ahead of everything not yet handled.</summary>
    public void PrependUnstashed(IReadOnlyList<Envelope> batch)
    {
        _unstashed ??= new LinkedList<Envelope>();
        for (int i = batch.Count - 1; i >= 0; i--)
        {
            _unstashed.AddFirst(batch[i]);
        }

        if (batch.Count > 0)
        {
            // The current run may be on its last message of the quantum; make sure these are seen.
            _mailbox.TrySchedule();
        }
    }

    private void DropUnstashed()
    {
        if (_unstashed is null)
        {
            return;
        }

        foreach (Envelope envelope in _unstashed)
        {
            SendToDeadLetters(envelope);
        }

        _unstashed.Clear();
    }
}
