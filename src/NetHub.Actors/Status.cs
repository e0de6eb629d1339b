namespace NetHub.Actors;

/// <summary>Conventional replies; a <see cref="Failure"/> reply fails the asker's task with its cause.</summary>
public abstract record Status
{
    private Status()
    {
    }

    public sealed record Success(object? Value) : Status;

    public sealed record Failure(Exception Cause) : Status;
}
