namespace NetHub.Actors;

/// <summary>A scheduled task that can be cancelled.</summary>
public interface ICancelable
{
    bool IsCancellationRequested { get; }

    /// <summary>Returns true if this call cancelled it (false if it had already run or been cancelled).</summary>
    bool Cancel();
}
