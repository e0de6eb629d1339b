namespace NetHub.Actors;

public enum DispatcherType
{
    /// <summary>Actors share the .NET thread pool.</summary>
    ThreadPool,

    /// <summary>The dispatcher owns its threads.</summary>
    Dedicated,
}
