namespace NetHub.Actors;

public enum BackoffMode
{
    /// <summary>The child is re-created after a backoff when it fails; if it stops by itself, the supervisor stops too.</summary>
    OnFailure,

    /// <summary>The child is re-created after a backoff whenever it stops (a connection that closes, say).</summary>
    OnStop,
}
