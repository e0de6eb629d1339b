namespace NetHub.Transports;

/// <summary>One configured endpoint: its name (unique on the node), its type and its settings.</summary>
public sealed record EndpointDefinition(string Name, string Type, IEndpointSettings Settings);
