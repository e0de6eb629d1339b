using System.Globalization;

namespace NetHub.Configuration;

/// <summary>Untyped reads, for settings whose shape is data (message arguments, scene values).</summary>
public sealed partial class Config
{
    /// <summary>
    /// The value at <paramref name="path"/> as plain .NET data: a <see cref="string"/>, a <see cref="long"/> (a whole
    /// number written without a fraction or exponent), a <see cref="double"/>, a <see cref="bool"/> (true/false only,
    /// so "on" stays text), null, an <see cref="IReadOnlyList{T}"/> of such values or an
    /// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of them, keys in file order.
    /// </summary>
    public object? GetValue(string path)
    {
        Found found = Find(path);
        if (found.Value is null)
        {
            throw Missing(found);
        }

        if (!found.Value.IsResolved)
        {
            throw NotResolved(found.Value, found.FullPath);
        }

        _log?.Record(found.FullPath);
        return Plain(found.Value);
    }

    /// <summary>Whether the value at <paramref name="path"/> is a list.</summary>
    public bool IsList(string path) => Find(path).Value is HoconArray;

    /// <summary>Whether the value at <paramref name="path"/> is an object.</summary>
    public bool IsObject(string path) => Find(path).Value is HoconObject;

    private static object? Plain(HoconValue value) => value switch
    {
        HoconScalar { Kind: HoconScalarKind.Null } => null,
        HoconScalar { Kind: HoconScalarKind.Boolean } b => string.Equals(b.Text, "true", StringComparison.Ordinal),
        HoconScalar { Kind: HoconScalarKind.Number } n => PlainNumber(n.Text),
        HoconScalar s => s.Text,
        HoconArray array => array.Elements.Select(Plain).ToList(),
        HoconObject obj => PlainObject(obj),
        _ => value.Describe(),
    };

    private static object PlainNumber(string text) =>
        text.AsSpan().IndexOfAny('.', 'e', 'E') < 0 && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole)
            ? (object)whole
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> PlainObject(HoconObject obj)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (string key in obj.Keys)
        {
            result[key] = Plain(obj[key]);
        }

        return result;
    }
}
