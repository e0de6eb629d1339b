namespace NetHub.Hub;

/// <summary>How a message travels to an endpoint (ARCHITECTURE.md, "Lanes").</summary>
public enum Lane
{
    /// <summary>Every message is delivered, in order: cues, state changes, commands.</summary>
    Reliable,

    /// <summary>Only the newest value per endpoint and address is kept while the endpoint is busy: faders, XY pads, sensors.</summary>
    LatestValue,
}
