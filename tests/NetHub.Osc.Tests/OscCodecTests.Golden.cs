using System.Buffers;
using static NetHub.Osc.Tests.OscBytes;

namespace NetHub.Osc.Tests;

/// <summary>The worked examples of the OSC 1.0 specification, byte for byte, both ways.</summary>
public sealed partial class OscCodecTests
{
    // "/oscillator/4/frequency" ",f" 440.0: 24 + 4 + 4 bytes.
    private static readonly byte[] OscillatorBytes = Hex(
        "'/osc' 'illa' 'tor/' '4/fr' 'eque' 'ncy' 00 | 2c 66 00 00 | 43 dc 00 00");

    // "/foo" ",iisff" 1000 -1 "hello" 1.234 5.678: 40 bytes.
    private static readonly byte[] FooBytes = Hex(
        "2f 66 6f 6f | 00 00 00 00 | 2c 69 69 73 | 66 66 00 00 | 00 00 03 e8 | ff ff ff ff |"
        + " 68 65 6c 6c | 6f 00 00 00 | 3f 9d f3 b6 | 40 b5 b2 2d");

    private static readonly OscMessage Oscillator = new("/oscillator/4/frequency", 440.0f);

    private static readonly OscMessage Foo = new("/foo", 1000, -1, "hello", 1.234f, 5.678f);

    [Fact]
    public void Encode_SpecOscillatorExample_Is32ExactBytes()
    {
        byte[] bytes = OscCodec.Encode(Oscillator);

        Assert.Equal(32, bytes.Length);
        Assert.Equal(ToHex(OscillatorBytes), ToHex(bytes));
    }

    [Fact]
    public void Decode_SpecOscillatorExample_GivesFloatArgument()
    {
        var message = Assert.IsType<OscMessage>(OscCodec.Decode(OscillatorBytes));

        Assert.Equal("/oscillator/4/frequency", message.Address);
        Assert.Equal("f", message.TypeTags);
        Assert.Equal(440.0f, Assert.Single(message.Arguments).AsFloat32());
    }

    [Fact]
    public void Encode_SpecFooExample_Is40ExactBytes()
    {
        byte[] bytes = OscCodec.Encode(Foo);

        Assert.Equal(40, bytes.Length);
        Assert.Equal(ToHex(FooBytes), ToHex(bytes));
    }

    [Fact]
    public void Decode_SpecFooExample_GivesAllFiveArguments()
    {
        var message = Assert.IsType<OscMessage>(OscCodec.Decode(FooBytes));

        Assert.Equal("/foo", message.Address);
        Assert.Equal("iisff", message.TypeTags);
        Assert.Equal(1000, message.Arguments[0].AsInt32());
        Assert.Equal(-1, message.Arguments[1].AsInt32());
        Assert.Equal("hello", message.Arguments[2].AsString());
        Assert.Equal(1.234f, message.Arguments[3].AsFloat32());
        Assert.Equal(5.678f, message.Arguments[4].AsFloat32());
        Assert.Equal(Foo, message);
    }

    [Fact]
    public void WriteMessage_SpecFooExample_WritesTheSameBytesAsEncode()
    {
        var output = new ArrayBufferWriter<byte>();

        OscCodec.WriteMessage(output, "/foo", [1000, -1, "hello", 1.234f, 5.678f]);

        Assert.Equal(ToHex(FooBytes), ToHex(output.WrittenSpan));
        Assert.Equal(40, OscCodec.GetMessageSize("/foo", [1000, -1, "hello", 1.234f, 5.678f]));
    }

    [Fact]
    public void TryRead_SpecFooExample_ReadsEveryArgumentInPlace()
    {
        Assert.Equal(OperationStatus.Done, OscMessageReader.TryRead(FooBytes, OscLimits.Default, out OscMessageReader reader, out _));

        Assert.Equal("/foo"u8.ToArray(), reader.Address.ToArray());
        Assert.Equal("iisff"u8.ToArray(), reader.TypeTags.ToArray());
        Assert.True(reader.HasTypeTagString);
        Assert.True(reader.TryReadNext(out OscArgumentView a));
        Assert.Equal((OscType.Int32, 16, 1000), (a.Type, a.Offset, a.GetInt32()));
        Assert.True(reader.TryReadNext(out OscArgumentView b));
        Assert.Equal((20, -1), (b.Offset, b.GetInt32()));
        Assert.True(reader.TryReadNext(out OscArgumentView c));
        Assert.Equal((OscType.String, 24), (c.Type, c.Offset));
        Assert.Equal("hello"u8.ToArray(), c.GetBytes().ToArray());
        Assert.True(reader.TryReadNext(out OscArgumentView d));
        Assert.Equal((32, 1.234f), (d.Offset, d.GetFloat32()));
        Assert.True(reader.TryReadNext(out OscArgumentView e));
        Assert.Equal((36, 5.678f), (e.Offset, e.GetFloat32()));
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void Encode_Bundle_WritesMarkerTimeTagAndSizedElements()
    {
        var bundle = new OscBundle(new OscTimeTag(0xe8754700, 0x80000000), new OscMessage("/a", 1), new OscMessage("/b"));
        byte[] expected = Hex(
            "'#bun' 'dle' 00 | e8 75 47 00 80 00 00 00 |"
            + " 00 00 00 0c | '/a' 00 00 | ',i' 00 00 | 00 00 00 01 |"
            + " 00 00 00 08 | '/b' 00 00 | ',' 00 00 00");

        Assert.Equal(ToHex(expected), ToHex(OscCodec.Encode(bundle)));
        Assert.Equal(expected.Length, OscCodec.GetSize(bundle));
        Assert.Equal(bundle, OscCodec.Decode(expected));
    }
}
