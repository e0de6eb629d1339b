using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NetHub.Osc;

namespace NetHub.Messages;

/// <summary>
/// Plain .NET values to OSC, covering what the TouchDesigner examples' validate_osc_data handles:
/// NaN and infinity (per <see cref="NonFiniteFloats"/>), nested lists and tuples as OSC arrays,
/// bool, null, bytes; anything else as its invariant text. Doubles become 'f' because that is what
/// show software expects; pass an <see cref="OscArgument"/> to choose 'd'.
/// </summary>
public static partial class PayloadConvert
{
    private const int MaxValueDepth = 32;

    public static OscArgument FromValue(object? value, NonFiniteFloats nonFinite = NonFiniteFloats.Keep) => FromValue(value, 0, nonFinite);

    public static IReadOnlyList<OscArgument> FromValues(IEnumerable<object?> values, NonFiniteFloats nonFinite = NonFiniteFloats.Keep)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.Select(v => FromValue(v, 0, nonFinite))];
    }

    /// <summary>Formats an argument as plain text: numbers invariant and shortest, strings as they are, booleans true/false.</summary>
    public static string FormatPlain(OscArgument argument) => argument.Type switch
    {
        OscType.Int32 => argument.AsInt32().ToString(CultureInfo.InvariantCulture),
        OscType.Int64 => argument.AsInt64().ToString(CultureInfo.InvariantCulture),
        OscType.Float32 => argument.AsFloat32().ToString("R", CultureInfo.InvariantCulture),
        OscType.Float64 => argument.AsFloat64().ToString("R", CultureInfo.InvariantCulture),
        OscType.String or OscType.Symbol => argument.AsString(),
        OscType.Char => argument.AsChar().ToString(),
        OscType.True => "true",
        OscType.False => "false",
        OscType.Nil => "null",
        OscType.Impulse => "impulse",
        OscType.Blob => Convert.ToBase64String(argument.AsBlob().Span),
        OscType.ArrayBegin => "[" + string.Join(' ', argument.AsArray().Select(FormatPlain)) + "]",
        _ => argument.ToString(),
    };

    private static OscArgument FromValue(object? value, int depth, NonFiniteFloats nonFinite)
    {
        if (depth > MaxValueDepth)
        {
            throw new ArgumentException($"Value nested deeper than {MaxValueDepth} levels cannot become OSC arguments", nameof(value));
        }

        return value switch
        {
            null => OscArgument.Nil,
            OscArgument argument => ApplyNonFinite(argument, nonFinite),
            bool b => OscArgument.Bool(b),
            int i => OscArgument.Int32(i),
            short s => OscArgument.Int32(s),
            sbyte sb => OscArgument.Int32(sb),
            byte by => OscArgument.Int32(by),
            ushort us => OscArgument.Int32(us),
            uint ui => ui <= int.MaxValue ? OscArgument.Int32((int)ui) : OscArgument.Int64(ui),
            long l => OscArgument.Int64(l),
            float f => ApplyNonFinite(OscArgument.Float32(f), nonFinite),
            double d => ApplyNonFinite(OscArgument.Float32((float)d), nonFinite),
            decimal m => OscArgument.Float64((double)m),
            string str => OscArgument.String(StripNul(str)),
            char c when c <= 0xFF => OscArgument.Char(c),
            char c => OscArgument.String(c.ToString()),
            byte[] bytes => OscArgument.Blob(bytes),
            ReadOnlyMemory<byte> memory => OscArgument.Blob(memory),
            Memory<byte> memory => OscArgument.Blob(memory),
            OscTimeTag tag => OscArgument.TimeTag(tag),
            DateTimeOffset time => OscArgument.TimeTag(OscTimeTag.FromDateTimeOffset(time)),
            DateTime time => OscArgument.TimeTag(OscTimeTag.FromDateTimeOffset(new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero))),
            OscMidi midi => OscArgument.Midi(midi),
            OscRgba rgba => OscArgument.Rgba(rgba),
            JsonElement json => json.ValueKind == JsonValueKind.Array
                ? OscArgument.Array(FromJson(json, nonFinite))
                : FromJson(json, nonFinite)[0],
            ITuple tuple => OscArgument.Array(Enumerable.Range(0, tuple.Length).Select(k => FromValue(tuple[k], depth + 1, nonFinite))),
            IEnumerable list => OscArgument.Array(list.Cast<object?>().Select(item => FromValue(item, depth + 1, nonFinite))),
            IFormattable formattable => OscArgument.String(StripNul(formattable.ToString(null, CultureInfo.InvariantCulture))),
            _ => OscArgument.String(StripNul(value.ToString() ?? string.Empty)),
        };
    }

    private static OscArgument ApplyNonFinite(OscArgument argument, NonFiniteFloats policy)
    {
        if (policy == NonFiniteFloats.Keep)
        {
            return argument;
        }

        switch (argument.Type)
        {
            case OscType.Float32 when !float.IsFinite(argument.AsFloat32()):
                return NonFinite(argument, argument.AsFloat32(), policy, OscArgument.Float32(0));
            case OscType.Float64 when !double.IsFinite(argument.AsFloat64()):
                return NonFinite(argument, argument.AsFloat64(), policy, OscArgument.Float64(0));
            case OscType.ArrayBegin:
                return OscArgument.Array(argument.AsArray().Select(a => ApplyNonFinite(a, policy)));
            default:
                return argument;
        }
    }

    private static OscArgument NonFinite(OscArgument argument, double value, NonFiniteFloats policy, OscArgument zero)
    {
        if (policy == NonFiniteFloats.Reject)
        {
            throw new ArgumentException($"{value.ToString(CultureInfo.InvariantCulture)} is not a finite number; this output refuses NaN and infinity");
        }

        return double.IsNaN(value) ? zero : argument;
    }
}
