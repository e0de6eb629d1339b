namespace NetHub.Transports;

/// <summary>One configured endpoint: its name (unique on the node), its type and its settings.</summary>
public sealed record EndpointDefinition(string Name, string Type, IEndpointSettings Settings)
{
    /// <summary>What it receives is text (a <c>udp</c>, <c>tcp-server</c> or <c>tcp-client</c> endpoint), not OSC.</summary>
    public bool ReceivesText => Settings is TextUdpSettings or TextTcpServerSettings or TextTcpClientSettings;
}
