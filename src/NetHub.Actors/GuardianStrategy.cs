namespace NetHub.Actors;

/// <summary>How the /user guardian supervises top-level actors.</summary>
public enum GuardianStrategy
{
    Default,
    Stopping,
}
