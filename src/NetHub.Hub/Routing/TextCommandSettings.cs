namespace NetHub.Hub.Routing;

/// <summary>The endpoints that accept JSON commands and <c>CMD:</c> lines (<c>nethub.commands</c>).</summary>
public sealed record TextCommandSettings(IReadOnlyList<string> Json, IReadOnlyList<string> Cmd);
