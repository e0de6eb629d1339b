using System.Globalization;
using NetHub.Osc;

namespace NetHub.Node;

/// <summary>
/// liblo oscsend's argument syntax: a type string, then one value per typed argument, e.g.
/// <c>ifsT 1 2.5 hello</c>. Types: i h f d s S c m (8 hex digits, port status data1 data2) and the
/// value-less T F N I, plus two NetHub additions: b (blob as hex) and t (timetag: now, now+SECONDS,
/// or liblo's SECONDS.FRACTION in hex).
/// </summary>
public static class OscTypeSyntax
{
    public static IReadOnlyList<OscArgument> Parse(string types, IReadOnlyList<string> values, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(time);
        var arguments = new List<OscArgument>(types.Length);
        int next = 0;
        foreach (char type in types)
        {
            if (type is 'T' or 'F' or 'N' or 'I')
            {
                arguments.Add(type switch { 'T' => OscArgument.True, 'F' => OscArgument.False, 'N' => OscArgument.Nil, _ => OscArgument.Impulse });
                continue;
            }

            if (next >= values.Count)
            {
                throw new FormatException($"value #{next + 1} is missing (type '{type}' needs one)");
            }

            string value = values[next++];
            arguments.Add(ParseValue(type, value, next, time));
        }

        if (next < values.Count)
        {
            throw new FormatException($"{values.Count - next} value(s) left over after the types \"{types}\": {string.Join(' ', values.Skip(next))}");
        }

        return arguments;
    }

    public static OscTimeTag ParseTime(string text, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(time);
        if (text == "now")
        {
            return OscTimeTag.FromDateTimeOffset(time.GetUtcNow());
        }

        if (text.StartsWith("now+", StringComparison.Ordinal)
            && double.TryParse(text.AsSpan(4), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0 && seconds < 86400 * 365)
        {
            return OscTimeTag.FromDateTimeOffset(time.GetUtcNow().AddSeconds(seconds));
        }

        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot == 8 && text.Length == 17
            && uint.TryParse(text.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint sec)
            && uint.TryParse(text.AsSpan(9), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint frac))
        {
            return new OscTimeTag(sec, frac);
        }

        throw new FormatException($"'{text}' is not a time: use now, now+SECONDS (e.g. now+0.5) or SECONDS.FRACTION in hex (e.g. e8754700.80000000)");
    }

    private static OscArgument ParseValue(char type, string value, int index, TimeProvider time)
    {
        try
        {
            return type switch
            {
                'i' => OscArgument.Int32(int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture)),
                'h' => OscArgument.Int64(long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture)),
                'f' => OscArgument.Float32(float.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)),
                'd' => OscArgument.Float64(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)),
                's' => OscArgument.String(value),
                'S' => OscArgument.Symbol(value),
                'c' when value.Length > 0 && value[0] <= 0xFF => OscArgument.Char(value[0]),
                'm' => ParseMidi(value),
                'b' => OscArgument.Blob(Convert.FromHexString(value)),
                't' => OscArgument.TimeTag(ParseTime(value, time)),
                _ => throw new FormatException($"unknown type '{type}' (known: i h f d s S c m T F N I b t)"),
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            throw new FormatException($"value #{index} ('{value}') is not a valid {Describe(type)}: {ex.Message}", ex);
        }
    }

    private static OscArgument ParseMidi(string value)
    {
        if (value.Length != 8)
        {
            throw new FormatException("a MIDI value is 8 hex digits: port, status, data1, data2 (e.g. 00903c7f)");
        }

        byte[] bytes = Convert.FromHexString(value);
        return OscArgument.Midi(new OscMidi(bytes[0], bytes[1], bytes[2], bytes[3]));
    }

    private static string Describe(char type) => type switch
    {
        'i' => "32-bit integer (type 'i')",
        'h' => "64-bit integer (type 'h')",
        'f' => "float (type 'f')",
        'd' => "double (type 'd')",
        'c' => "character (type 'c')",
        'm' => "MIDI message (type 'm')",
        'b' => "hex blob (type 'b')",
        't' => "time (type 't')",
        _ => $"value of type '{type}'",
    };
}
