using System.Buffers;
using static NetHub.Osc.Tests.OscBytes;

namespace NetHub.Osc.Tests;

/// <summary>Every type through encode, typed decode and the span reader, with its exact data bytes.</summary>
public sealed partial class OscCodecTests
{
    private static readonly OscTimeTag SomeTime = new(0xe8754700, 0x80000000);

    // name -> (argument, type tags, data bytes in hex)
    private static readonly Dictionary<string, (OscArgument Argument, string Tags, string Data)> Cases = new()
    {
        ["int32"] = (OscArgument.Int32(1000), "i", "000003e8"),
        ["int32 negative"] = (OscArgument.Int32(int.MinValue), "i", "80000000"),
        ["float32"] = (OscArgument.Float32(440f), "f", "43dc0000"),
        ["float32 NaN"] = (OscArgument.Float32(BitConverter.Int32BitsToSingle(0x7fc00000)), "f", "7fc00000"),
        // Read from bytes at run time: in a Release build the JIT folds Int32BitsToSingle of a constant signalling NaN
        // and quiets it (0x7fc00001), so the expected value would no longer be the one on the wire.
        ["float32 NaN payload"] = (OscArgument.Float32(System.Buffers.Binary.BinaryPrimitives.ReadSingleBigEndian(Convert.FromHexString("7f800001"))), "f", "7f800001"),
        ["float32 +infinity"] = (OscArgument.Float32(float.PositiveInfinity), "f", "7f800000"),
        ["float32 -infinity"] = (OscArgument.Float32(float.NegativeInfinity), "f", "ff800000"),
        ["float32 -0"] = (OscArgument.Float32(-0f), "f", "80000000"),
        ["string"] = (OscArgument.String("hello"), "s", "68656c6c6f000000"),
        ["string empty"] = (OscArgument.String(string.Empty), "s", "00000000"),
        ["string of 4"] = (OscArgument.String("data"), "s", "6461746100000000"),
        ["string UTF-8"] = (OscArgument.String("é€"), "s", "c3a9e282ac000000"),
        ["blob 0"] = (OscArgument.Blob(Array.Empty<byte>()), "b", "00000000"),
        ["blob 1"] = (OscArgument.Blob(new byte[] { 1 }), "b", "00000001" + "01000000"),
        ["blob 2"] = (OscArgument.Blob(new byte[] { 1, 2 }), "b", "00000002" + "01020000"),
        ["blob 3"] = (OscArgument.Blob(new byte[] { 1, 2, 3 }), "b", "00000003" + "01020300"),
        ["blob 4"] = (OscArgument.Blob(new byte[] { 1, 2, 3, 4 }), "b", "00000004" + "01020304"),
        ["blob 5"] = (OscArgument.Blob(new byte[] { 1, 2, 3, 4, 5 }), "b", "00000005" + "0102030405000000"),
        ["int64"] = (OscArgument.Int64(0x0102030405060708), "h", "0102030405060708"),
        ["int64 negative"] = (OscArgument.Int64(-5), "h", "fffffffffffffffb"),
        ["time tag"] = (OscArgument.TimeTag(SomeTime), "t", "e875470080000000"),
        ["time tag immediately"] = (OscArgument.TimeTag(OscTimeTag.Immediately), "t", "0000000000000001"),
        ["float64"] = (OscArgument.Float64(1.5), "d", "3ff8000000000000"),
        ["float64 NaN"] = (OscArgument.Float64(BitConverter.Int64BitsToDouble(0x7ff8000000000000)), "d", "7ff8000000000000"),
        ["float64 +infinity"] = (OscArgument.Float64(double.PositiveInfinity), "d", "7ff0000000000000"),
        ["float64 -infinity"] = (OscArgument.Float64(double.NegativeInfinity), "d", "fff0000000000000"),
        ["symbol"] = (OscArgument.Symbol("sym"), "S", "73796d00"),
        ["char"] = (OscArgument.Char('x'), "c", "00000078"),
        ["char latin-1"] = (OscArgument.Char('é'), "c", "000000e9"),
        ["rgba"] = (OscArgument.Rgba(new OscRgba(0x11, 0x22, 0x33, 0x44)), "r", "11223344"),
        ["midi"] = (OscArgument.Midi(new OscMidi(1, 0x90, 60, 127)), "m", "01903c7f"),
        ["true"] = (OscArgument.True, "T", string.Empty),
        ["false"] = (OscArgument.False, "F", string.Empty),
        ["nil"] = (OscArgument.Nil, "N", string.Empty),
        ["impulse"] = (OscArgument.Impulse, "I", string.Empty),
        ["array empty"] = (OscArgument.Array(), "[]", string.Empty),
        ["array"] = (OscArgument.Array(1, 2f), "[if]", "00000001" + "40000000"),
        ["array nested"] = (OscArgument.Array(1, OscArgument.Array("x", OscArgument.True), OscArgument.Array()), "[i[sT][]]", "00000001" + "78000000"),
        ["array of empty array"] = (OscArgument.Array(OscArgument.Array()), "[[]]", string.Empty),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Encode_EachType_WritesExactBytes(string name)
    {
        (OscArgument argument, string tags, string data) = Cases[name];
        var message = new OscMessage("/a", argument);

        byte[] bytes = OscCodec.Encode(message);

        Assert.Equal(ExpectedMessage("/a", tags, data), ToHex(bytes));
        Assert.Equal(tags, message.TypeTags);
        Assert.Equal(bytes.Length, OscCodec.GetSize(message));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Decode_EachType_GivesEqualArgument(string name)
    {
        (OscArgument argument, string tags, string data) = Cases[name];

        var message = Assert.IsType<OscMessage>(OscCodec.Decode(Hex(ExpectedMessage("/a", tags, data))));

        Assert.Equal(argument, Assert.Single(message.Arguments));
        Assert.Equal(argument.GetHashCode(), message.Arguments[0].GetHashCode());
        Assert.Equal(tags, message.TypeTags);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TryReadNext_EachType_GivesTokensInTagOrder(string name)
    {
        (OscArgument argument, string tags, string data) = Cases[name];
        byte[] packet = Hex(ExpectedMessage("/a", tags, data));

        Assert.Equal(OperationStatus.Done, OscMessageReader.TryRead(packet, OscLimits.Default, out OscMessageReader reader, out _));

        var types = new List<char>();
        while (reader.TryReadNext(out OscArgumentView view))
        {
            types.Add((char)view.Type);
            if (view.Type is not (OscType.ArrayBegin or OscType.ArrayEnd) && argument.Type != OscType.ArrayBegin)
            {
                Assert.Equal(argument, view.ToArgument());
                Assert.Equal(8, view.Offset);
            }
        }

        Assert.Equal(tags, new string([.. types]));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void WriteMessage_EachType_MatchesEncode(string name)
    {
        OscArgument argument = Cases[name].Argument;
        var output = new ArrayBufferWriter<byte>();

        OscCodec.WriteMessage(output, "/a", [argument]);

        Assert.Equal(ToHex(OscCodec.Encode(new OscMessage("/a", argument))), ToHex(output.WrittenSpan));
        Assert.Equal(output.WrittenCount, OscCodec.GetMessageSize("/a", [argument]));
    }

    [Fact]
    public void Decode_AllTypesInOneMessage_RoundTrips()
    {
        var message = new OscMessage("/all/types", [.. Cases.Values.Select(c => c.Argument)]);

        byte[] bytes = OscCodec.Encode(message);

        Assert.Equal(message, OscCodec.Decode(bytes));
        Assert.Equal(string.Concat(Cases.Values.Select(c => c.Tags)), message.TypeTags);
    }

    [Fact]
    public void Decode_MessageWithoutArguments_RoundTrips()
    {
        var message = new OscMessage("/cue/go");

        byte[] bytes = OscCodec.Encode(message);

        Assert.Equal(ToHex(Hex("'/cue' '/go' 00 | ',' 00 00 00")), ToHex(bytes));
        Assert.Equal(message, OscCodec.Decode(bytes));
    }

    [Fact]
    public void Decode_NestedAndEmptyBundles_RoundTrip()
    {
        var bundle = new OscBundle(
            SomeTime,
            new OscMessage("/a", 1),
            new OscBundle(OscTimeTag.Immediately),
            new OscBundle(
                SomeTime,
                new OscMessage("/b/c", "x", OscArgument.Array(1.5, OscArgument.Nil)),
                new OscBundle(SomeTime, new OscMessage("/d"))),
            new OscMessage("/e", OscArgument.Blob(new byte[] { 0xC0, 0xDB })));

        byte[] bytes = OscCodec.Encode(bundle);

        Assert.Equal(bundle, OscCodec.Decode(bytes));
        Assert.Equal(bytes.Length, OscCodec.GetSize(bundle));
    }

    [Fact]
    public void Decode_EmptyBundle_IsSixteenBytes()
    {
        var bundle = new OscBundle(OscTimeTag.Immediately);

        byte[] bytes = OscCodec.Encode(bundle);

        Assert.Equal(ToHex(Hex("'#bun' 'dle' 00 | 00 00 00 00 00 00 00 01")), ToHex(bytes));
        var decoded = Assert.IsType<OscBundle>(OscCodec.Decode(bytes));
        Assert.True(decoded.TimeTag.IsImmediately);
        Assert.Empty(decoded.Elements);
    }

    [Fact]
    public void Encode_IntoSpan_ReturnsBytesWrittenAndRejectsShortDestination()
    {
        byte[] destination = new byte[64];

        int written = OscCodec.Encode(Foo, destination);

        Assert.Equal(40, written);
        Assert.Equal(ToHex(FooBytes), ToHex(destination.AsSpan(0, written)));
        Assert.Throws<ArgumentException>(() => OscCodec.Encode(Foo, new byte[39]));
    }

    [Fact]
    public void Encode_IntoBufferWriter_AppendsAfterExistingContent()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write(new byte[] { 9, 9, 9, 9 });

        OscCodec.Encode(Oscillator, output);

        Assert.Equal("09090909" + ToHex(OscillatorBytes), ToHex(output.WrittenSpan));
    }

    /// <summary>"/a" message bytes: address, ',' tags padded with NULs to a multiple of 4, data.</summary>
    private static string ExpectedMessage(string address, string tags, string data)
    {
        static string Padded(string text) => ToHex(System.Text.Encoding.UTF8.GetBytes(text)) + new string('0', 2 * (4 - (text.Length % 4)));
        return Padded(address) + Padded("," + tags) + data;
    }
}
