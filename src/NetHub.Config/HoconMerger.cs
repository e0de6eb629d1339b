namespace NetHub.Configuration;

/// <summary>
/// Layers one value over another as duplicate keys do (HOCON spec, "Duplicate keys and object merging",
/// and "Config object merging and file merging"): objects merge field by field, anything else replaces, and
/// when a substitution decides the outcome the layers are kept as a <see cref="HoconMerge"/> for the resolver.
/// </summary>
internal static class HoconMerger
{
    public static HoconValue Merge(HoconValue top, HoconValue? below)
    {
        if (below is null)
        {
            return top;
        }

        if (top is not HoconMerge)
        {
            return MergeSingle(top, below);
        }

        // Walk the chain in a loop: a file of many `a = ${a} [x]` lines builds a long chain.
        var tops = new List<HoconValue>();
        HoconValue node = top;
        while (node is HoconMerge merge)
        {
            tops.Add(merge.Top);
            node = merge.Below;
        }

        HoconValue rebuilt = MergeSingle(node, below);
        for (int i = tops.Count - 1; i >= 0; i--)
        {
            rebuilt = MergeSingle(tops[i], rebuilt);
        }

        return rebuilt;
    }

    public static HoconObject MergeObjects(HoconObject top, HoconObject below)
    {
        var keys = new List<string>(below.Keys.Count + top.Keys.Count);
        var fields = new Dictionary<string, HoconValue>(below.Keys.Count + top.Keys.Count, StringComparer.Ordinal);
        foreach (string key in below.Keys)
        {
            keys.Add(key);
            fields[key] = below[key];
        }

        foreach (string key in top.Keys)
        {
            if (fields.TryGetValue(key, out HoconValue? existing))
            {
                fields[key] = Merge(top[key], existing);
            }
            else
            {
                keys.Add(key);
                fields[key] = top[key];
            }
        }

        return new HoconObject(keys, fields, top.Origin);
    }

    /// <summary>True for values a later object cannot merge with, so the object simply replaces them.</summary>
    public static bool IsPlainData(HoconValue value) => value is HoconScalar or HoconArray;

    private static HoconValue MergeSingle(HoconValue top, HoconValue below) => top switch
    {
        HoconScalar or HoconArray => top,
        HoconObject obj => below switch
        {
            HoconObject belowObject => MergeObjects(obj, belowObject),
            HoconScalar or HoconArray => obj,
            HoconMerge { Top: HoconObject belowTop } belowMerge => new HoconMerge(MergeObjects(obj, belowTop), belowMerge.Below),
            _ => new HoconMerge(obj, below),
        },
        HoconMerge merge => Merge(merge, below),
        _ => new HoconMerge(top, below),
    };
}
