using NetHub.Osc;

namespace NetHub.Hub;

/// <summary>From the router to subscribers: <paramref name="Target"/> now holds <paramref name="Value"/>, set by <paramref name="Origin"/>.</summary>
public sealed record ValueChanged(ValueTarget Target, IReadOnlyList<OscArgument> Value, string Origin);
