using NetHub.Osc;

namespace NetHub.Hub;

/// <summary>
/// To the router: set <paramref name="Target"/> to <paramref name="Value"/> and send it to the target's
/// endpoint on <paramref name="Lane"/>. Subscribers of the target are told (except the one named by
/// <paramref name="Origin"/>, which made the change, so a surface is not echoed its own move).
/// </summary>
public sealed record SetValue(ValueTarget Target, IReadOnlyList<OscArgument> Value, string Origin, Lane Lane = Lane.LatestValue);
