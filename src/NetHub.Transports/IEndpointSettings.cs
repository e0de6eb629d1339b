namespace NetHub.Transports;

/// <summary>What every endpoint type's settings have in common.</summary>
public interface IEndpointSettings
{
    RestartSettings Restart { get; }

    int HistorySize { get; }
}
