using NetHub.Hub.Transforms;

namespace NetHub.Hub.Routing;

/// <summary>One configured route (see reference.conf, <c>nethub.routes</c>): what it takes, how it changes it, where it sends it.</summary>
public sealed record RouteSettings(
    string Name,
    IReadOnlyList<string> From,
    RouteAddress Address,
    IReadOnlyList<RouteTarget> To,
    TransformChain Transforms,
    Lane Lane,
    bool Echo)
{
    /// <summary>How the route names itself as the origin of the values it sets ("route faders").</summary>
    public string Origin { get; } = $"route {Name}";

    public override string ToString() =>
        $"{Name}: {(From.Count == 0 ? "*" : string.Join(",", From))} {Address} -> {string.Join(", ", To)}"
        + (Transforms.Count == 0 ? string.Empty : $" [{Transforms}]")
        + (Lane == Lane.LatestValue ? " (latest-value)" : string.Empty);
}
