using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;

namespace NetHub.Osc;

/// <summary>
/// One OSC argument as a value: its type and payload, immutable, compared by value. Numbers, time tags and the
/// small fixed-size types live inline; strings, blobs and arrays hold one reference. <c>default</c> is Nil.
/// A blob refers to the caller's memory without copying it; decoders hand out their own copy.
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The factories are named after the OSC types they make.")]
public readonly partial struct OscArgument : IEquatable<OscArgument>
{
    // 0 only in default(OscArgument), which reads as Nil so a zeroed argument is still a valid one.
    private readonly byte _tag;

    // Fixed-size payloads, bit for bit (floats as their IEEE bits). Strings: their UTF-8 byte count.
    // Blobs: start in the low 32 bits, length in the high 32.
    private readonly long _bits;

    // string for s/S, byte[] or MemoryManager<byte> for b, OscArgumentList for arrays.
    private readonly object? _object;

    private OscArgument(OscType type, long bits, object? reference = null)
    {
        _tag = (byte)type;
        _bits = bits;
        _object = reference;
    }

    public OscType Type => _tag == 0 ? OscType.Nil : (OscType)_tag;

    public static OscArgument True { get; } = new(OscType.True, 0);

    public static OscArgument False { get; } = new(OscType.False, 0);

    public static OscArgument Nil { get; } = new(OscType.Nil, 0);

    /// <summary>Infinitum in OSC 1.0, Impulse ("bang") in OSC 1.1.</summary>
    public static OscArgument Impulse { get; } = new(OscType.Impulse, 0);

    public static OscArgument Int32(int v) => new(OscType.Int32, v);

    public static OscArgument Float32(float v) => new(OscType.Float32, BitConverter.SingleToInt32Bits(v));

    /// <exception cref="ArgumentException">The string contains a NUL, which would end it early on the wire.</exception>
    public static OscArgument String(string v) => new(OscType.String, Utf8Length(v), v);

    public static OscArgument Blob(ReadOnlyMemory<byte> v)
    {
        if (v.IsEmpty)
        {
            return new OscArgument(OscType.Blob, 0, System.Array.Empty<byte>());
        }

        if (MemoryMarshal.TryGetArray(v, out ArraySegment<byte> segment))
        {
            return new OscArgument(OscType.Blob, PackRange(segment.Offset, segment.Count), segment.Array);
        }

        // The only other owner a ReadOnlyMemory<byte> can have.
        MemoryMarshal.TryGetMemoryManager(v, out MemoryManager<byte>? manager, out int start, out int length);
        return new OscArgument(OscType.Blob, PackRange(start, length), manager);
    }

    public static OscArgument Int64(long v) => new(OscType.Int64, v);

    public static OscArgument TimeTag(OscTimeTag v) => new(OscType.TimeTag, (long)v.Value);

    public static OscArgument Float64(double v) => new(OscType.Float64, BitConverter.DoubleToInt64Bits(v));

    /// <exception cref="ArgumentException">The symbol contains a NUL.</exception>
    public static OscArgument Symbol(string v) => new(OscType.Symbol, Utf8Length(v), v);

    /// <summary>An 8-bit character sent in the low byte of an int32 ('c').</summary>
    /// <exception cref="ArgumentOutOfRangeException">The character is above U+00FF.</exception>
    public static OscArgument Char(char v)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(v, '\u00FF');
        return new OscArgument(OscType.Char, v);
    }

    public static OscArgument Rgba(OscRgba v) => new(OscType.Rgba, ((long)v.R << 24) | ((long)v.G << 16) | ((long)v.B << 8) | v.A);

    public static OscArgument Midi(OscMidi v) => new(OscType.Midi, ((long)v.Port << 24) | ((long)v.Status << 16) | ((long)v.Data1 << 8) | v.Data2);

    public static OscArgument Bool(bool v) => v ? True : False;

    /// <summary>An array argument ('[' items ']'); the items are copied.</summary>
    public static OscArgument Array(params OscArgument[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return FromOwnedItems(items.Length == 0 ? [] : (OscArgument[])items.Clone());
    }

    /// <summary>An array argument ('[' items ']'); the items are copied.</summary>
    public static OscArgument Array(IEnumerable<OscArgument> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return FromOwnedItems(items.ToArray());
    }

    public static implicit operator OscArgument(int v) => Int32(v);

    public static implicit operator OscArgument(float v) => Float32(v);

    public static implicit operator OscArgument(double v) => Float64(v);

    public static implicit operator OscArgument(long v) => Int64(v);

    public static implicit operator OscArgument(string v) => String(v);

    public static implicit operator OscArgument(bool v) => Bool(v);

    /// <summary>Array items as a span, for writers; empty for anything but an array.</summary>
    internal ReadOnlySpan<OscArgument> Items => _object is OscArgumentList list ? list.Span : default;

    /// <summary>String and symbol bytes as UTF-8 on the wire, without terminator.</summary>
    internal int Utf8ByteCount => (int)_bits;

    /// <summary>Bytes of a blob's content.</summary>
    internal int BlobLength => (int)(_bits >> 32);

    /// <summary>A blob's content for writers, straight from its array when it has one (the common case).</summary>
    internal ReadOnlySpan<byte> BlobSpan => _object is byte[] array
        ? new ReadOnlySpan<byte>(array, (int)(uint)_bits, BlobLength)
        : AsBlob().Span;

    /// <summary>The 32 or 64 payload bits of a fixed-size argument, as they go on the wire.</summary>
    internal long Bits => _bits;

    internal string? Text => _object as string;

    internal static OscArgument FromOwnedItems(OscArgument[] items) => new(OscType.ArrayBegin, items.Length, new OscArgumentList(items));

    private static long PackRange(int start, int length) => (uint)start | ((long)length << 32);

    private static int Utf8Length(string v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An OSC string cannot contain NUL: the receiver would cut it there.", nameof(v));
        }

        return Encoding.UTF8.GetByteCount(v);
    }
}
