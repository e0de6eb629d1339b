namespace NetHub.Hub.History;

/// <summary>Whether a <see cref="Traffic"/> report is a message the hub took in or one it sent out.</summary>
public enum TrafficDirection
{
    /// <summary>Received on an endpoint, from a peer.</summary>
    In,

    /// <summary>Sent out of an endpoint, to a peer or to the endpoint's default destination.</summary>
    Out,
}
