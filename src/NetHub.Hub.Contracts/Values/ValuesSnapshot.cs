using NetHub.Osc;

namespace NetHub.Hub;

/// <summary>Current values; a target that was never set is absent.</summary>
public sealed record ValuesSnapshot(IReadOnlyDictionary<ValueTarget, IReadOnlyList<OscArgument>> Values);
