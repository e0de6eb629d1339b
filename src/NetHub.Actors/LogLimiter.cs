namespace NetHub.Actors;

/// <summary>
/// Lets the first <c>max</c> events of each window through and counts the rest, so a flood of dead
/// letters is visible without drowning the log. The count suppressed in the previous window is
/// reported with the first event of the next one.
/// </summary>
public sealed class LogLimiter(int max, TimeSpan window, TimeProvider time)
{
    private readonly Lock _lock = new();
    private long _windowStart = long.MinValue;
    private int _inWindow;
    private long _suppressed;

    /// <summary>True if this event may be logged; <paramref name="suppressedBefore"/> is how many were swallowed since the last one logged.</summary>
    public bool TryAcquire(out long suppressedBefore)
    {
        suppressedBefore = 0;
        if (max <= 0)
        {
            return false;
        }

        long now = time.GetTimestamp();
        lock (_lock)
        {
            if (_windowStart == long.MinValue || time.GetElapsedTime(_windowStart, now) >= window)
            {
                _windowStart = now;
                _inWindow = 0;
            }

            if (_inWindow < max)
            {
                _inWindow++;
                suppressedBefore = _suppressed;
                _suppressed = 0;
                return true;
            }

            _suppressed++;
            return false;
        }
    }
}
