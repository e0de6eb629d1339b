namespace NetHub.Hub;

/// <summary>To the router: reply <see cref="ValuesSnapshot"/> with the current value of each target (all known targets when null).</summary>
public sealed record GetValues(IReadOnlyList<ValueTarget>? Targets = null);
