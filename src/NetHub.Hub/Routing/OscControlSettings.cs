namespace NetHub.Hub.Routing;

/// <summary>Hub commands over OSC (<c>nethub.osc-control</c>): on or off, the address prefix, the endpoints that accept them (empty: all).</summary>
public sealed record OscControlSettings(bool Enabled, string Prefix, IReadOnlyList<string> Endpoints);
