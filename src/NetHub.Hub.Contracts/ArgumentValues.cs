using NetHub.Configuration;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub;

/// <summary>
/// Message arguments written in HOCON: a single value (<c>value = 0.5</c>) or a list (<c>args = [1, "go", 0.5]</c>).
/// Whole numbers become int32 (int64 beyond its range), fractions float32, strings, true/false, null as Nil, nested
/// lists as OSC arrays: the conversion table of docs/messages.md, so a cue writes what a tablet would send.
/// </summary>
public static class ArgumentValues
{
    /// <summary>The arguments at <paramref name="path"/>; a scalar is one argument, a list is each element.</summary>
    public static IReadOnlyList<OscArgument> Read(Config config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        object? value = config.GetValue(path);
        try
        {
            return value switch
            {
                IReadOnlyDictionary<string, object?> => throw new FormatException("an object is not a message argument"),
                IReadOnlyList<object?> list => PayloadConvert.FromValues(list.Select(Narrow)),
                _ => [PayloadConvert.FromValue(Narrow(value))],
            };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw config.Error(path, "message arguments: a number, a string, true/false, null or a list of them", ex.Message);
        }
    }

    // HOCON reads whole numbers as long; OSC software expects 'i' unless the number needs 64 bits.
    private static object? Narrow(object? value) => value switch
    {
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        IReadOnlyList<object?> list => list.Select(Narrow).ToList(),
        _ => value,
    };
}
