using NetHub.Osc;

namespace NetHub.Hub.Cues;

/// <summary><c>{ send = "endpoint:/address", args = [...] }</c>: send one message out of an endpoint, reliably.</summary>
public sealed record SendAction(ValueTarget Target, IReadOnlyList<OscArgument> Arguments, string Where) : CueAction(Where);
