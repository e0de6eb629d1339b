using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace NetHub.Osc;

/// <summary>
/// One argument token of a message being read, pointing into the packet. The getters convert from big-endian;
/// asking for another type than <see cref="Type"/> throws <see cref="InvalidOperationException"/>.
/// </summary>
public readonly ref struct OscArgumentView
{
    private readonly ReadOnlySpan<byte> _data;

    internal OscArgumentView(OscType type, int offset, ReadOnlySpan<byte> data)
    {
        Type = type;
        Offset = offset;
        _data = data;
    }

    public OscType Type { get; }

    /// <summary>Where the argument's bytes start in the packet (a blob's size field; for T F N I [ ] where they would start).</summary>
    public int Offset { get; }

    public int GetInt32() => BinaryPrimitives.ReadInt32BigEndian(Expect(OscType.Int32));

    public float GetFloat32() => BinaryPrimitives.ReadSingleBigEndian(Expect(OscType.Float32));

    public long GetInt64() => BinaryPrimitives.ReadInt64BigEndian(Expect(OscType.Int64));

    public double GetFloat64() => BinaryPrimitives.ReadDoubleBigEndian(Expect(OscType.Float64));

    public OscTimeTag GetTimeTag() => new(BinaryPrimitives.ReadUInt64BigEndian(Expect(OscType.TimeTag)));

    /// <summary>The character in the low byte; senders leave the upper three bytes zero, and they are ignored.</summary>
    public char GetChar() => (char)Expect(OscType.Char)[3];

    public OscRgba GetRgba()
    {
        ReadOnlySpan<byte> d = Expect(OscType.Rgba);
        return new OscRgba(d[0], d[1], d[2], d[3]);
    }

    public OscMidi GetMidi()
    {
        ReadOnlySpan<byte> d = Expect(OscType.Midi);
        return new OscMidi(d[0], d[1], d[2], d[3]);
    }

    /// <summary>True for 'T', false for 'F'.</summary>
    public bool GetBoolean() => Type switch
    {
        OscType.True => true,
        OscType.False => false,
        _ => throw new InvalidOperationException(string.Format(
            CultureInfo.InvariantCulture, "OSC argument is {0}, not True ('T') or False ('F')", OscArgument.Name(Type))),
    };

    /// <summary>A string's or symbol's UTF-8 bytes without the NUL, or a blob's content.</summary>
    public ReadOnlySpan<byte> GetBytes()
    {
        if (Type is not (OscType.String or OscType.Symbol or OscType.Blob))
        {
            throw OscArgument.WrongType(Type, OscType.String);
        }

        return _data;
    }

    /// <summary>
    /// The argument as an allocated <see cref="OscArgument"/>: strings decoded as UTF-8 (invalid sequences become
    /// U+FFFD), blobs copied. Array tokens have no value of their own and throw.
    /// </summary>
    public OscArgument ToArgument() => Type switch
    {
        OscType.Int32 => OscArgument.Int32(GetInt32()),
        OscType.Float32 => OscArgument.Float32(GetFloat32()),
        OscType.String => OscArgument.String(Decode(_data)),
        OscType.Symbol => OscArgument.Symbol(Decode(_data)),
        OscType.Blob => OscArgument.Blob(_data.ToArray()),
        OscType.Int64 => OscArgument.Int64(GetInt64()),
        OscType.TimeTag => OscArgument.TimeTag(GetTimeTag()),
        OscType.Float64 => OscArgument.Float64(GetFloat64()),
        OscType.Char => OscArgument.Char(GetChar()),
        OscType.Rgba => OscArgument.Rgba(GetRgba()),
        OscType.Midi => OscArgument.Midi(GetMidi()),
        OscType.True => OscArgument.True,
        OscType.False => OscArgument.False,
        OscType.Nil => OscArgument.Nil,
        OscType.Impulse => OscArgument.Impulse,
        _ => throw new InvalidOperationException(string.Format(
            CultureInfo.InvariantCulture, "OSC token {0} marks an array; read its items instead", OscArgument.Name(Type))),
    };

    // Encoding.UTF8 replaces invalid sequences rather than throwing; a NUL cannot occur (it ends the string).
    private static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private ReadOnlySpan<byte> Expect(OscType type)
    {
        if (Type != type)
        {
            throw OscArgument.WrongType(Type, type);
        }

        return _data;
    }
}
