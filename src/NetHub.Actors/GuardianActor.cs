namespace NetHub.Actors;

/// <summary>The /user and /system guardians: parents of top-level actors, with a configured strategy.</summary>
internal sealed class GuardianActor : Actor
{
    private readonly SupervisorStrategy _strategy;

    public GuardianActor(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        ReceiveAny(Unhandled);
    }

    protected internal override SupervisorStrategy SupervisorStrategy() => _strategy;

    /// <summary>A guardian's restart must not stop the application's top-level actors.</summary>
    protected internal override void PreRestart(Exception reason, object? message)
    {
    }
}
