using System.Runtime.CompilerServices;

namespace NetHub.Configuration;

/// <summary>
/// Resolves substitutions against the root of the merged configuration (HOCON spec, "Substitutions",
/// "Self-Referential Substitutions", "Substitution fallback to environment variables").
/// <para>
/// Values are first brought to their outer shape (<see cref="Shape"/>: an object whose fields may still hold
/// substitutions, an array, a scalar, or undefined) and only then resolved fully (<see cref="Full"/>). Looking
/// up <c>${bar.foo}</c> shapes <c>bar</c> and resolves only <c>foo</c>, so an object may refer to its own
/// fields without a false cycle. Both steps are memoized per node and track which nodes are in progress; meeting
/// one again is a cycle, reported with the chain of substitutions that closed it.
/// </para>
/// </summary>
internal sealed partial class HoconResolver
{
    private const int MaxSubstitutionDepth = 64;
    private const long MaxExpansion = 16L * 1024 * 1024;

    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconValue, HoconValue?> _shaped = [];
    private readonly Dictionary<HoconValue, HoconValue?> _resolved = [];
    private readonly Dictionary<HoconValue, int> _shaping = [];
    private readonly Dictionary<HoconValue, int> _resolving = [];
    private readonly List<HoconSubstitution> _chain = [];
    private long _expansion;

    private HoconResolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconObject Resolve(HoconObject root, Func<string, string?> environment)
    {
        if (root.IsResolved)
        {
            return root;
        }

        var resolver = new HoconResolver(root, environment);
        return resolver.Full(root) as HoconObject ?? HoconObject.Empty(root.Origin);
    }

    /// <summary>The fully resolved value, or null when an optional substitution left it undefined.</summary>
    private HoconValue? Full(HoconValue node)
    {
        if (node.IsResolved)
        {
            return node;
        }

        if (_resolved.TryGetValue(node, out HoconValue? done))
        {
            return done;
        }

        if (_resolving.TryGetValue(node, out int chainStart))
        {
            throw Cycle(chainStart);
        }

        GuardStack(node);
        _resolving[node] = _chain.Count;
        try
        {
            HoconValue? result = Shape(node) switch
            {
                HoconObject obj => FullObject(obj),
                HoconArray array => FullArray(array),
                var other => other,
            };
            _resolved[node] = result;
            return result;
        }
        finally
        {
            _resolving.Remove(node);
        }
    }

    private HoconObject FullObject(HoconObject obj)
    {
        if (obj.IsResolved)
        {
            return obj;
        }

        var keys = new List<string>(obj.Count);
        var fields = new Dictionary<string, HoconValue>(obj.Count, StringComparer.Ordinal);
        foreach (string key in obj.Keys)
        {
            // An optional substitution that found nothing leaves the field unset.
            if (Full(obj[key]) is { } value)
            {
                keys.Add(key);
                fields[key] = value;
            }
        }

        return new HoconObject(keys, fields, obj.Origin);
    }

    private HoconArray FullArray(HoconArray array)
    {
        if (array.IsResolved)
        {
            return array;
        }

        var elements = new List<HoconValue>(array.Elements.Count);
        foreach (HoconValue element in array.Elements)
        {
            if (Full(element) is { } value)
            {
                elements.Add(value);
            }
        }

        return new HoconArray(elements, array.Origin);
    }

    /// <summary>The outer shape of a value; fields of a returned object and elements of an array may still be unresolved.</summary>
    private HoconValue? Shape(HoconValue node)
    {
        if (node is HoconScalar or HoconObject or HoconArray)
        {
            return node;
        }

        if (_shaped.TryGetValue(node, out HoconValue? done))
        {
            return done;
        }

        if (node is HoconMerge merge)
        {
            return ShapeMerge(merge);
        }

        if (_shaping.TryGetValue(node, out int chainStart))
        {
            throw Cycle(chainStart);
        }

        GuardStack(node);
        _shaping[node] = _chain.Count;
        try
        {
            HoconValue? result = node switch
            {
                HoconSubstitution substitution => Substitute(substitution, null),
                HoconConcat concat => Concatenate(concat, null),
                _ => node,
            };
            _shaped[node] = result;
            return result;
        }
        finally
        {
            _shaping.Remove(node);
        }
    }

    /// <summary>
    /// Folds a merge chain from the bottom up, in a loop because self-appending files build long chains.
    /// Each layer's self-references read the layer below it.
    /// </summary>
    private HoconValue? ShapeMerge(HoconMerge merge)
    {
        GuardStack(merge);
        var layers = new List<HoconMerge>();
        HoconValue node = merge;
        while (node is HoconMerge layer && !_shaped.ContainsKey(layer))
        {
            layers.Add(layer);
            node = layer.Below;
        }

        HoconValue? below = node is HoconMerge cached ? _shaped[cached] : Shape(node);
        for (int i = layers.Count - 1; i >= 0; i--)
        {
            HoconMerge layer = layers[i];
            if (_shaping.TryGetValue(layer, out int chainStart))
            {
                throw Cycle(chainStart);
            }

            _shaping[layer] = _chain.Count;
            try
            {
                HoconValue? top = layer.Top switch
                {
                    HoconSubstitution substitution => Substitute(substitution, layer.Below),
                    HoconConcat concat => Concatenate(concat, layer.Below),
                    var other => other,
                };
                below = top switch
                {
                    null => below,
                    HoconObject topObject when below is HoconObject belowObject => HoconMerger.MergeObjects(topObject, belowObject),
                    _ => top,
                };
                _shaped[layer] = below;
            }
            finally
            {
                _shaping.Remove(layer);
            }
        }

        return below;
    }

    private static void GuardStack(HoconValue node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ConfigResolveException(node.Origin, null, "substitutions and nesting shallow enough to resolve", "a chain too deep to follow");
        }
    }

    private ConfigResolveException Cycle(int chainStart)
    {
        List<HoconSubstitution> cycle = _chain.Skip(chainStart).ToList();
        if (cycle.Count == 0)
        {
            cycle = [.. _chain];
        }

        if (cycle.Count == 0)
        {
            return new ConfigResolveException(_root.Origin, null, null, null, "substitution cycle");
        }

        string text = string.Join(" -> ", cycle.Select(s => s.Expression).Append(cycle[0].Expression));
        return new ConfigResolveException(cycle[0].Origin, cycle[0].FieldPath, null, null, "substitution cycle: " + text);
    }
}
