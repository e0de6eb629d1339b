using System.Text;

namespace NetHub.Actors;

/// <summary>
/// The hierarchical name of an actor: <c>nethub://system/user/hub/endpoints/osc-in</c>.
/// Two paths are equal when their system and elements are equal; the incarnation uid is not part of
/// equality, so a restarted-by-recreation actor with the same name has an equal path but a different
/// <see cref="Uid"/> (and a different <see cref="IActorRef"/>).
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    public const string Scheme = "nethub";

    private readonly string[] _elements;
    private string? _text;

    private ActorPath(string system, string[] elements, long uid)
    {
        SystemName = system;
        _elements = elements;
        Uid = uid;
    }

    public string SystemName { get; }

    /// <summary>The incarnation id; 0 for guardians and synthetic paths.</summary>
    public long Uid { get; }

    public IReadOnlyList<string> Elements => _elements;

    /// <summary>The last element, or "" for the root.</summary>
    public string Name => _elements.Length == 0 ? string.Empty : _elements[^1];

    public ActorPath? Parent => _elements.Length == 0 ? null : new ActorPath(SystemName, _elements[..^1], 0);

    public static ActorPath Root(string system) => new(system, [], 0);

    public ActorPath Child(string name, long uid = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ActorPath(SystemName, [.. _elements, name], uid);
    }

    /// <summary>"/user/hub/router", the form used in logs and lookups.</summary>
    public string ToStringWithoutAddress()
    {
        if (_elements.Length == 0)
        {
            return "/";
        }

        var sb = new StringBuilder();
        foreach (string e in _elements)
        {
            sb.Append('/').Append(e);
        }

        return sb.ToString();
    }

    public override string ToString() => _text ??= $"{Scheme}://{SystemName}{ToStringWithoutAddress()}";

    public bool Equals(ActorPath? other) =>
        other is not null && other.SystemName == SystemName && other._elements.AsSpan().SequenceEqual(_elements);

    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(SystemName, StringComparer.Ordinal);
        foreach (string e in _elements)
        {
            hash.Add(e, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>
    /// Splits "/user/a/b" or "nethub://sys/user/a/b" into elements. Returns false for another system's
    /// address or a malformed path.
    /// </summary>
    internal static bool TrySplit(string path, string system, out string[] elements)
    {
        elements = [];
        ReadOnlySpan<char> rest = path;
        string prefix = $"{Scheme}://";
        if (rest.StartsWith(prefix, StringComparison.Ordinal))
        {
            rest = rest[prefix.Length..];
            int slash = rest.IndexOf('/');
            ReadOnlySpan<char> sys = slash < 0 ? rest : rest[..slash];
            if (!sys.SequenceEqual(system))
            {
                return false;
            }

            rest = slash < 0 ? [] : rest[slash..];
        }

        if (rest.IsEmpty || rest[0] != '/')
        {
            return false;
        }

        elements = rest[1..].ToString().Split('/', StringSplitOptions.RemoveEmptyEntries);
        return true;
    }

    /// <summary>
    /// Actor names are URI path segments: letters, digits and <c>-_.*$+:@&amp;=,!~';</c>; the first
    /// character may not be '$' (reserved for generated names).
    /// </summary>
    internal static bool IsValidName(string name, bool allowGenerated)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 255)
        {
            return false;
        }

        if (name[0] == '$' && !allowGenerated)
        {
            return false;
        }

        foreach (char c in name)
        {
            bool ok = char.IsAsciiLetterOrDigit(c) || "-_.*$+:@&=,!~';".Contains(c, StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
