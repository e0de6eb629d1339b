namespace NetHub.TestKit;

/// <summary>
/// A gate a test closes on an actor to hold it inside a handler. Disposing opens it, so a test that
/// fails half-way never leaves a thread blocked for the next test.
/// </summary>
public sealed class TestGate : IDisposable
{
    private readonly ManualResetEventSlim _event = new();

    public bool IsOpen => _event.IsSet;

    public void Open() => _event.Set();

    /// <summary>Blocks until opened, at most <paramref name="limit"/> (default 30 s).</summary>
    public bool Wait(TimeSpan? limit = null) => _event.Wait(limit ?? TimeSpan.FromSeconds(30));

    /// <summary>Opens the gate; the event itself is left to the GC because a released thread may still be leaving Wait.</summary>
    public void Dispose() => Open();
}
