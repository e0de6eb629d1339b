using System.Diagnostics.CodeAnalysis;

namespace NetHub.Configuration;

/// <summary>An immutable object whose keys keep their first-definition order.</summary>
internal sealed class HoconObject : HoconValue
{
    private readonly List<string> _keys;
    private readonly Dictionary<string, HoconValue> _fields;
    private readonly bool _isResolved;

    /// <summary>Takes ownership of <paramref name="keys"/> and <paramref name="fields"/>.</summary>
    public HoconObject(List<string> keys, Dictionary<string, HoconValue> fields, ConfigOrigin origin)
        : base(origin)
    {
        _keys = keys;
        _fields = fields;
        _isResolved = fields.Values.All(v => v.IsResolved);
    }

    public IReadOnlyList<string> Keys => _keys;

    public int Count => _keys.Count;

    public HoconValue this[string key] => _fields[key];

    public override bool IsResolved => _isResolved;

    public static HoconObject Empty(ConfigOrigin origin) => new([], new Dictionary<string, HoconValue>(StringComparer.Ordinal), origin);

    public bool TryGetValue(string key, [NotNullWhen(true)] out HoconValue? value) => _fields.TryGetValue(key, out value);

    public override string Describe() => "object";
}
