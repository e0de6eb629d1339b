using NetHub.Osc;

namespace NetHub.Hub.Cues;

/// <summary>
/// <c>{ set = "endpoint:/address", value = ... }</c>: set a value through the router (which tells its subscribers,
/// such as surfaces showing it). Takes the target over from any running fade.
/// </summary>
public sealed record SetAction(ValueTarget Target, IReadOnlyList<OscArgument> Value, string Where) : CueAction(Where);
