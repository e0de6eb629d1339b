namespace NetHub.Configuration;

/// <summary>
/// A mutable object used while one file is parsed, so that thousands of <c>a.b.x = 1</c> lines merge in
/// place instead of copying the object each time. Slots hold a <see cref="HoconValue"/>, a nested
/// <see cref="HoconObjectBuilder"/>, or a <see cref="PendingMerge"/> (an object written over a value that is
/// only known after substitution).
/// </summary>
internal sealed class HoconObjectBuilder
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, object> _slots = new(StringComparer.Ordinal);

    public HoconObjectBuilder(ConfigOrigin origin) => Origin = origin;

    public ConfigOrigin Origin { get; }

    /// <summary>Assigns <paramref name="value"/> (a <see cref="HoconValue"/> or builder) at a dotted key path.</summary>
    public void Set(IReadOnlyList<string> path, object value, ConfigOrigin keyOrigin)
    {
        HoconObjectBuilder target = this;
        for (int i = 0; i < path.Count - 1; i++)
        {
            target = target.ChildBuilder(path[i], keyOrigin);
        }

        target.SetSlot(path[^1], value);
    }

    /// <summary>Merges <paramref name="other"/> over this object, as if its fields were written here.</summary>
    public void MergeFrom(HoconObjectBuilder other)
    {
        foreach (string key in other._keys)
        {
            SetSlot(key, other._slots[key]);
        }
    }

    public HoconObject Freeze()
    {
        var fields = new Dictionary<string, HoconValue>(_keys.Count, StringComparer.Ordinal);
        foreach (string key in _keys)
        {
            fields[key] = Freeze(_slots[key]);
        }

        return new HoconObject([.. _keys], fields, Origin);
    }

    public static HoconValue Freeze(object slot) => slot switch
    {
        HoconObjectBuilder builder => builder.Freeze(),
        PendingMerge pending => HoconMerger.Merge(pending.Top.Freeze(), pending.Below),
        _ => (HoconValue)slot,
    };

    /// <summary>Turns a parsed included file back into a builder so its fields merge in place.</summary>
    public static HoconObjectBuilder Thaw(HoconObject obj)
    {
        var builder = new HoconObjectBuilder(obj.Origin);
        foreach (string key in obj.Keys)
        {
            HoconValue value = obj[key];
            builder._keys.Add(key);
            builder._slots[key] = value is HoconObject child ? Thaw(child) : value;
        }

        return builder;
    }

    private HoconObjectBuilder ChildBuilder(string key, ConfigOrigin origin)
    {
        _slots.TryGetValue(key, out object? existing);
        switch (existing)
        {
            case HoconObjectBuilder builder:
                return builder;
            case PendingMerge pending:
                return pending.Top;
            case HoconValue value when !HoconMerger.IsPlainData(value):
                var top = new HoconObjectBuilder(origin);
                Put(key, new PendingMerge(top, value));
                return top;
            default:
                var fresh = new HoconObjectBuilder(origin);
                Put(key, fresh);
                return fresh;
        }
    }

    private void SetSlot(string key, object value)
    {
        if (!_slots.TryGetValue(key, out object? existing))
        {
            Put(key, value);
            return;
        }

        switch (value)
        {
            case HoconObjectBuilder builder:
                switch (existing)
                {
                    case HoconObjectBuilder existingBuilder:
                        existingBuilder.MergeFrom(builder);
                        break;
                    case PendingMerge pending:
                        pending.Top.MergeFrom(builder);
                        break;
                    case HoconValue existingValue when !HoconMerger.IsPlainData(existingValue):
                        Put(key, new PendingMerge(builder, existingValue));
                        break;
                    default:
                        Put(key, builder);
                        break;
                }

                break;
            case PendingMerge pending:
                Put(key, HoconMerger.Merge(Freeze(pending), Freeze(existing)));
                break;
            case HoconValue plain when HoconMerger.IsPlainData(plain):
                Put(key, plain);
                break;
            default:
                Put(key, HoconMerger.Merge((HoconValue)value, Freeze(existing)));
                break;
        }
    }

    private void Put(string key, object value)
    {
        if (!_slots.ContainsKey(key))
        {
            _keys.Add(key);
        }

        _slots[key] = value;
    }

    internal sealed record PendingMerge(HoconObjectBuilder Top, HoconValue Below);
}
