using NetHub.Osc;

namespace NetHub.Hub.Cues;

/// <summary>
/// One message the emergency stop sends (<c>nethub.panic.&lt;endpoint&gt; = [{ address, args }]</c>), kept in config
/// order: endpoints as written, then each endpoint's messages as listed.
/// </summary>
public sealed record PanicMessage(string Endpoint, string Address, IReadOnlyList<OscArgument> Arguments);
