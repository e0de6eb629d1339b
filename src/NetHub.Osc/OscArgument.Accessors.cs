using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace NetHub.Osc;

/// <summary>Typed reads; asking for the wrong type is a broken contract and throws.</summary>
public readonly partial struct OscArgument
{
    /// <summary>
    /// <paramref name="arguments"/> as a span without copying, when it is an array or the argument list of an
    /// <see cref="OscMessage"/> (decoded or built), which is what the codec and the hub hand around; false for any
    /// other list. Lets a hot path read arguments without an interface call for each.
    /// </summary>
    public static bool TryGetSpan(IReadOnlyList<OscArgument> arguments, out ReadOnlySpan<OscArgument> span)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return OscArgumentList.TryGetSpan(arguments, out span);
    }

    public int AsInt32()
    {
        Expect(OscType.Int32);
        return (int)_bits;
    }

    public float AsFloat32()
    {
        Expect(OscType.Float32);
        return BitConverter.Int32BitsToSingle((int)_bits);
    }

    /// <summary>The text of a String ('s') or Symbol ('S').</summary>
    public string AsString()
    {
        if (Type is not (OscType.String or OscType.Symbol))
        {
            throw WrongType(Type, OscType.String);
        }

        return (string)_object!;
    }

    public ReadOnlyMemory<byte> AsBlob()
    {
        Expect(OscType.Blob);
        int start = (int)(uint)_bits;
        int length = (int)(_bits >> 32);
        return _object is byte[] array
            ? new ReadOnlyMemory<byte>(array, start, length)
            : ((MemoryManager<byte>)_object!).Memory.Slice(start, length);
    }

    public long AsInt64()
    {
        Expect(OscType.Int64);
        return _bits;
    }

    public OscTimeTag AsTimeTag()
    {
        Expect(OscType.TimeTag);
        return new((ulong)_bits);
    }

    public double AsFloat64()
    {
        Expect(OscType.Float64);
        return BitConverter.Int64BitsToDouble(_bits);
    }

    public char AsChar()
    {
        Expect(OscType.Char);
        return (char)_bits;
    }

    public OscRgba AsRgba()
    {
        Expect(OscType.Rgba);
        long v = _bits;
        return new OscRgba((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    public OscMidi AsMidi()
    {
        Expect(OscType.Midi);
        long v = _bits;
        return new OscMidi((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    /// <summary>True for 'T', false for 'F'.</summary>
    public bool AsBoolean() => Type switch
    {
        OscType.True => true,
        OscType.False => false,
        _ => throw new InvalidOperationException(string.Format(
            CultureInfo.InvariantCulture, "OSC argument is {0}, not True ('T') or False ('F')", Name(Type))),
    };

    /// <summary>The items of an array argument (type <see cref="OscType.ArrayBegin"/>).</summary>
    public IReadOnlyList<OscArgument> AsArray()
    {
        Expect(OscType.ArrayBegin);
        return (OscArgumentList)_object!;
    }

    internal static InvalidOperationException WrongType(OscType actual, OscType expected) =>
        new(string.Format(CultureInfo.InvariantCulture, "OSC argument is {0}, not {1}", Name(actual), Name(expected)));

    /// <summary>"Int32 ('i')": the name a programmer knows and the tag a protocol trace shows.</summary>
    internal static string Name(OscType type) => string.Format(CultureInfo.InvariantCulture, "{0} ('{1}')", type, (char)type);

    /// <summary>Throws unless this is of <paramref name="type"/> (never Nil): one compare inlined into each typed read, the throw kept out of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Expect(OscType type)
    {
        if (_tag != (byte)type)
        {
            ThrowWrongType(type);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowWrongType(OscType expected) => throw WrongType(Type, expected);
}
