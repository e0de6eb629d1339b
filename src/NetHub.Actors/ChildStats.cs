namespace NetHub.Actors;

/// <summary>A parent's record of one child: the reference and its restart budget.</summary>
internal sealed class ChildStats(LocalActorRef child)
{
    private int _restartCount;
    private DateTimeOffset? _windowStart;

    public LocalActorRef Child { get; } = child;

    public int RestartCount => _restartCount;

    /// <summary>
    /// Akka's budget rule: with a window, at most <paramref name="maxRetries"/> restarts (1 when
    /// unlimited) inside a window that opens at the first counted restart; a restart after the window
    /// closes opens a new one. Without a window, at most <paramref name="maxRetries"/> restarts ever.
    /// </summary>
    public bool RequestRestartPermission(int maxRetries, TimeSpan within, DateTimeOffset now)
    {
        bool hasWindow = within != Timeout.InfiniteTimeSpan && within > TimeSpan.Zero;
        if (maxRetries == 0)
        {
            return false;
        }

        if (!hasWindow)
        {
            if (maxRetries < 0)
            {
                return true;
            }

            _restartCount++;
            return _restartCount <= maxRetries;
        }

        int allowed = maxRetries < 0 ? 1 : maxRetries;
        DateTimeOffset start = _windowStart ??= now;
        if (now - start <= within)
        {
            _restartCount++;
            return _restartCount <= allowed;
        }

        _restartCount = 1;
        _windowStart = now;
        return true;
    }
}
