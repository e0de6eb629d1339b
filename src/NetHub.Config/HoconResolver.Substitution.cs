using System.Text;

namespace NetHub.Configuration;

/// <summary>Substitution lookup and value concatenation.</summary>
internal sealed partial class HoconResolver
{
    /// <summary>
    /// The value of a substitution, or null when an optional one finds nothing. For a self-referential
    /// substitution, <paramref name="below"/> is the value its field had before this assignment.
    /// </summary>
    private HoconValue? Substitute(HoconSubstitution substitution, HoconValue? below)
    {
        _chain.Add(substitution);
        try
        {
            if (_chain.Count > MaxSubstitutionDepth)
            {
                throw new ConfigResolveException(substitution.Origin, substitution.FieldPath,
                    $"substitutions chained at most {MaxSubstitutionDepth} deep", $"a longer chain at {substitution.Expression}");
            }

            if (substitution.SelfLength >= 0)
            {
                if (below is not null && Descend(Full(below), substitution.Path, substitution.SelfLength) is { } previous)
                {
                    return previous;
                }
            }
            else
            {
                if (Lookup(substitution.Path, 0) is { } found)
                {
                    return found;
                }

                // Inside an included file, ${x} first means x next to the include point, then x at the root.
                if (substitution.PrefixLength > 0 && Lookup(substitution.Path, substitution.PrefixLength) is { } unprefixed)
                {
                    return unprefixed;
                }
            }

            string name = substitution.UnprefixedName;
            string? environment = ReadEnvironment(name);
            if (!string.IsNullOrEmpty(environment))
            {
                return new HoconScalar(HoconScalarKind.String, environment, substitution.Origin);
            }

            if (substitution.Optional)
            {
                return null;
            }

            string reason = substitution.SelfLength >= 0
                ? $"it refers to its own field, which has no earlier value, and no environment variable {ConfigPath.Quote(name)} is set"
                : $"no such key in the configuration and no environment variable {ConfigPath.Quote(name)} is set";
            throw new ConfigResolveException(substitution.Origin, substitution.FieldPath, null, null, $"could not resolve {substitution.Expression}: {reason}");
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    /// <summary>A variable that cannot be read counts as unset (HOCON spec, "Substitution fallback to environment variables").</summary>
    private string? ReadEnvironment(string name)
    {
        try
        {
            return _environment(name);
        }
        catch (Exception e) when (e is ArgumentException or System.Security.SecurityException)
        {
            return null;
        }
    }

    private HoconValue? Lookup(string[] path, int start)
    {
        HoconValue current = _root;
        for (int i = start; i < path.Length; i++)
        {
            if (Shape(current) is not HoconObject obj || !obj.TryGetValue(path[i], out HoconValue? child))
            {
                return null;
            }

            current = child;
        }

        return Full(current);
    }

    private static HoconValue? Descend(HoconValue? value, string[] path, int start)
    {
        for (int i = start; i < path.Length && value is not null; i++)
        {
            value = value is HoconObject obj && obj.TryGetValue(path[i], out HoconValue? child) ? child : null;
        }

        return value;
    }

    /// <summary>
    /// HOCON spec, "Value concatenation": strings join with the whitespace written between them, arrays
    /// append, objects merge with later ones winning. Undefined optional substitutions drop out, and a
    /// substitution that is null becomes the empty string.
    /// </summary>
    private HoconValue? Concatenate(HoconConcat concat, HoconValue? below)
    {
        var items = new List<Item>(concat.Parts.Count);
        foreach (HoconConcatPart part in concat.Parts)
        {
            if (part.Whitespace is { } space)
            {
                items.Add(new Item(null, false, space));
            }
            else if (part.Value is HoconSubstitution substitution)
            {
                if (Substitute(substitution, below) is { } value)
                {
                    items.Add(new Item(value, true, null));
                }
            }
            else
            {
                items.Add(new Item(part.Value, false, null));
            }
        }

        int first = items.FindIndex(i => i.Value is not null);
        int last = items.FindLastIndex(i => i.Value is not null);
        if (first < 0)
        {
            return null;
        }

        items = items.GetRange(first, last - first + 1);
        var values = items.Where(i => i.Value is not null).ToList();
        if (values.Count == 1)
        {
            return values[0].Value;
        }

        HoconValue? shape = values.Select(i => i.Value).FirstOrDefault(v => v is HoconObject or HoconArray);
        if (shape is null)
        {
            var sb = new StringBuilder();
            foreach (Item item in items)
            {
                string piece = item.Space ?? (item.FromSubstitution && item.Value is HoconScalar { Kind: HoconScalarKind.Null } ? string.Empty : ((HoconScalar)item.Value!).Text);
                Expand(piece.Length, concat);
                sb.Append(piece);
            }

            return new HoconScalar(HoconScalarKind.String, sb.ToString(), concat.Origin);
        }

        HoconObject? merged = null;
        var elements = new List<HoconValue>();
        foreach (Item item in values)
        {
            HoconValue value = item.Value!;
            if (item.FromSubstitution && value is HoconScalar { Kind: HoconScalarKind.Null })
            {
                continue;
            }

            if (value.GetType() != shape.GetType())
            {
                throw new ConfigResolveException(concat.Origin, concat.FieldPath, "only strings, only arrays or only objects in a concatenation", $"{shape.Describe()} with {value.Describe()}");
            }

            if (value is HoconObject obj)
            {
                merged = merged is null ? obj : HoconMerger.MergeObjects(obj, merged);
            }
            else
            {
                elements.AddRange(((HoconArray)value).Elements);
                Expand(((HoconArray)value).Elements.Count, concat);
            }
        }

        return merged ?? (HoconValue)new HoconArray(elements, concat.Origin);
    }

    /// <summary>Bounds the work a few substitutions that double a string or array each time can cause.</summary>
    private void Expand(long amount, HoconConcat at)
    {
        _expansion += amount;
        if (_expansion > MaxExpansion)
        {
            throw new ConfigResolveException(at.Origin, at.FieldPath, $"substitutions that expand to at most {MaxExpansion} characters or elements", "more");
        }
    }

    private readonly record struct Item(HoconValue? Value, bool FromSubstitution, string? Space);
}
