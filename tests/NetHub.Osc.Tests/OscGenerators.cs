using FsCheck;
using FsCheck.Fluent;

namespace NetHub.Osc.Tests;

/// <summary>FsCheck generators for OSC values: every type, special floats, nested arrays and bundles.</summary>
internal static class OscGenerators
{
    public static readonly Gen<int> Int32 = Gen.Zip(Gen.Choose(0, 0xFFFF), Gen.Choose(0, 0xFFFF), (high, low) => (high << 16) | low);

    public static readonly Gen<long> Int64 = Gen.Zip(Int32, Int32, (high, low) => ((long)high << 32) | (uint)low);

    public static readonly Gen<byte> Byte = Gen.Choose(0, 255).Select(b => (byte)b);

    public static readonly Gen<byte[]> Bytes = Gen.Choose(0, 40).SelectMany(n => Byte.ArrayOf(n));

    public static readonly Gen<float> Float32 = Gen.Frequency(
        (3, Int32.Select(BitConverter.Int32BitsToSingle)),
        (1, Gen.Elements(float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, float.MaxValue, 1.5f)));

    public static readonly Gen<double> Float64 = Gen.Frequency(
        (3, Int64.Select(BitConverter.Int64BitsToDouble)),
        (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0d, -0d, double.Epsilon, double.MaxValue, 0.1)));

    /// <summary>Text with multi-byte UTF-8, surrogate pairs and characters that mean something elsewhere in OSC.</summary>
    public static readonly Gen<string> Text = Gen.Elements("a", "Zz", "/", "é", "€", "😀", " ", "\t", "ÿ", ",", "[", "#", "abcd")
        .ListOf().Select(parts => string.Concat(parts));

    public static readonly Gen<string> Address = Gen.Elements("a", "b1", "*", "?", "[a-z]", "{x,y}", "é", "!", "-", "12")
        .NonEmptyListOf().Select(parts => "/" + string.Join('/', parts));

    public static readonly Gen<OscArgument> Scalar = Gen.OneOf(
        Int32.Select(OscArgument.Int32),
        Float32.Select(OscArgument.Float32),
        Text.Select(OscArgument.String),
        Bytes.Select(b => OscArgument.Blob(b)),
        Int64.Select(OscArgument.Int64),
        Int64.Select(v => OscArgument.TimeTag(new OscTimeTag((ulong)v))),
        Float64.Select(OscArgument.Float64),
        Text.Select(OscArgument.Symbol),
        Gen.Choose(0, 255).Select(c => OscArgument.Char((char)c)),
        Int32.Select(v => OscArgument.Rgba(new OscRgba((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v))),
        Int32.Select(v => OscArgument.Midi(new OscMidi((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v))),
        Gen.Elements(OscArgument.True, OscArgument.False, OscArgument.Nil, OscArgument.Impulse));

    public static readonly Gen<OscMessage> Message =
        from address in Address
        from arguments in Gen.Choose(0, 8).SelectMany(n => Argument(3).ArrayOf(n))
        select new OscMessage(address, arguments);

    public static Gen<OscArgument> Argument(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, Gen.Choose(0, 4).SelectMany(n => Argument(depth - 1).ArrayOf(n)).Select(OscArgument.Array)));

    public static Gen<OscPacket> Packet(int depth) => depth == 0
        ? Message.Select(m => (OscPacket)m)
        : Gen.Frequency(
            (3, Message.Select(m => (OscPacket)m)),
            (1, from time in Int64
                from elements in Gen.Choose(0, 4).SelectMany(n => Packet(depth - 1).ArrayOf(n))
                select (OscPacket)new OscBundle(new OscTimeTag((ulong)time), elements)));
}
