using FsCheck;
using FsCheck.Fluent;

namespace NetHub.Osc.Tests;

public sealed class OscArgumentTests
{
    [Fact]
    public void Default_IsNil()
    {
        Assert.Equal(OscType.Nil, default(OscArgument).Type);
        Assert.Equal(OscArgument.Nil, default);
        Assert.Equal("Nil", default(OscArgument).ToString());
    }

    [Fact]
    public void Equals_Floats_CompareBits()
    {
        Assert.Equal(OscArgument.Float32(float.NaN), OscArgument.Float32(float.NaN));
        Assert.NotEqual(OscArgument.Float32(0f), OscArgument.Float32(-0f));
        Assert.Equal(OscArgument.Float64(double.NaN), OscArgument.Float64(double.NaN));
        Assert.NotEqual(OscArgument.Float64(0d), OscArgument.Float64(-0d));
        Assert.NotEqual(OscArgument.Float32(1f), OscArgument.Float64(1d));
    }

    [Fact]
    public void Equals_Blobs_CompareContentWhereverItLives()
    {
        byte[] big = [9, 1, 2, 3, 9];
        var a = OscArgument.Blob(new byte[] { 1, 2, 3 });
        var b = OscArgument.Blob(big.AsMemory(1, 3));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, OscArgument.Blob(new byte[] { 1, 2, 4 }));
        Assert.Equal(new byte[] { 1, 2, 3 }, b.AsBlob().ToArray());
    }

    [Fact]
    public void Equals_Arrays_CompareItemByItem()
    {
        Assert.Equal(OscArgument.Array(1, "a", OscArgument.Array(2f)), OscArgument.Array(new List<OscArgument> { 1, "a", OscArgument.Array(2f) }));
        Assert.NotEqual(OscArgument.Array(1, 2), OscArgument.Array(1));
        Assert.NotEqual(OscArgument.Array(1), OscArgument.Array(2));
        Assert.Equal(OscArgument.Array(1, 2).GetHashCode(), OscArgument.Array(1, 2).GetHashCode());
    }

    [Fact]
    public void FastHash_EqualArguments_HashAlike_WhereverTheirBytesLive()
    {
        byte[] big = [9, 1, 2, 3, 9];
        Assert.Equal(OscArgument.Blob(new byte[] { 1, 2, 3 }).FastHash(), OscArgument.Blob(big.AsMemory(1, 3)).FastHash());
        Assert.Equal(OscArgument.Nil.FastHash(), default(OscArgument).FastHash());
        Assert.Equal(OscArgument.Array(1, "a", OscArgument.Array(2f)).FastHash(), OscArgument.Array(new List<OscArgument> { 1, "a", OscArgument.Array(2f) }).FastHash());
        Assert.Equal(OscArgument.String(new string('x', 3)).FastHash(), OscArgument.String("xxx").FastHash());
        Assert.Equal(FastHash.Arguments(new List<OscArgument> { 1, 2f }), FastHash.Arguments([OscArgument.Int32(1), OscArgument.Float32(2f)]));
    }

    [Fact]
    public void FastHash_TellsApartWhatEqualsTellsApart_InTheUsualCases()
    {
        OscArgument[] distinct =
        [
            OscArgument.Int32(1), OscArgument.Int32(2), OscArgument.Float32(1f), OscArgument.Int64(1), OscArgument.String("a"),
            OscArgument.Symbol("a"), OscArgument.String("b"), OscArgument.Blob(new byte[] { 1 }), OscArgument.Array(1), OscArgument.Array(1, 1),
            OscArgument.True, OscArgument.False, OscArgument.Nil, OscArgument.Impulse,
        ];

        Assert.Equal(distinct.Length, distinct.Select(a => a.FastHash()).Distinct().Count());
        Assert.NotEqual(FastHash.Arguments([OscArgument.Int32(1), OscArgument.Int32(2)]), FastHash.Arguments([OscArgument.Int32(2), OscArgument.Int32(1)]));
    }

    [Fact]
    public void FastHash_FollowsEquals_ForRandomArguments()
    {
        // Equal arguments (built apart, so nothing is shared) always hash alike.
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(OscGenerators.Argument(3).ToArbitrary(), argument =>
        {
            OscArgument copy = OscCodec.Decode(OscCodec.Encode(new OscMessage("/x", argument))) is OscMessage { Arguments: [var only] } ? only : default;
            return copy.Equals(argument) && copy.FastHash() == argument.FastHash();
        }));
    }

    [Fact]
    public void Equals_StringAndSymbolWithSameText_Differ()
    {
        Assert.NotEqual(OscArgument.String("a"), OscArgument.Symbol("a"));
        Assert.Equal("a", OscArgument.Symbol("a").AsString());
        Assert.True(OscArgument.String("a") == "a");
        Assert.True(OscArgument.String("a") != "b");
    }

    [Fact]
    public void Array_CopiesItsItems()
    {
        OscArgument[] items = [1, 2];
        var array = OscArgument.Array(items);

        items[0] = 99;

        Assert.Equal(1, array.AsArray()[0].AsInt32());
        Assert.Equal(OscType.ArrayBegin, array.Type);
    }

    [Fact]
    public void Accessor_WrongType_NamesBothTypes()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => OscArgument.Float32(1f).AsInt32());

        Assert.Equal("OSC argument is Float32 ('f'), not Int32 ('i')", exception.Message);
        Assert.Throws<InvalidOperationException>(() => OscArgument.Int32(1).AsString());
        Assert.Throws<InvalidOperationException>(() => OscArgument.Nil.AsBoolean());
        Assert.Throws<InvalidOperationException>(() => OscArgument.Int32(1).AsArray());
        Assert.Throws<InvalidOperationException>(() => OscArgument.Int32(1).AsBlob());
    }

    [Fact]
    public void Accessors_GiveBackWhatWasStored()
    {
        var time = new OscTimeTag(5, 6);

        Assert.Equal(-7, OscArgument.Int32(-7).AsInt32());
        Assert.Equal(long.MinValue, OscArgument.Int64(long.MinValue).AsInt64());
        Assert.Equal(2.5f, OscArgument.Float32(2.5f).AsFloat32());
        Assert.Equal(-2.5, OscArgument.Float64(-2.5).AsFloat64());
        Assert.Equal(time, OscArgument.TimeTag(time).AsTimeTag());
        Assert.Equal('ÿ', OscArgument.Char('ÿ').AsChar());
        Assert.Equal(new OscRgba(1, 2, 3, 4), OscArgument.Rgba(new OscRgba(1, 2, 3, 4)).AsRgba());
        Assert.Equal(new OscMidi(255, 0x90, 1, 2), OscArgument.Midi(new OscMidi(255, 0x90, 1, 2)).AsMidi());
        Assert.True(OscArgument.Bool(true).AsBoolean());
        Assert.False(OscArgument.Bool(false).AsBoolean());
        Assert.Equal(OscType.Impulse, OscArgument.Impulse.Type);
    }

    [Fact]
    public void ImplicitConversions_PickTheMatchingType()
    {
        OscArgument[] arguments = [1, 2f, 3d, 4L, "s", true, false];

        Assert.Equal([OscType.Int32, OscType.Float32, OscType.Float64, OscType.Int64, OscType.String, OscType.True, OscType.False], arguments.Select(a => a.Type));
    }

    [Fact]
    public void Factories_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentException>(() => OscArgument.String("a\0b"));
        Assert.Throws<ArgumentException>(() => OscArgument.Symbol("\0"));
        Assert.Throws<ArgumentOutOfRangeException>(() => OscArgument.Char('\u0100'));
        Assert.Throws<ArgumentNullException>(() => OscArgument.String(null!));
    }

    [Theory]
    [InlineData("i", "1")]
    [InlineData("f", "3.500000")]
    [InlineData("d", "-0.125000")]
    [InlineData("s", "\"hello\"")]
    [InlineData("S", "'sym")]
    [InlineData("c", "'x'")]
    [InlineData("m", "MIDI [0x01 0x02 0x03 0x04]")]
    [InlineData("r", "RGBA [0x11 0x22 0x33 0x44]")]
    [InlineData("T", "#T")]
    [InlineData("F", "#F")]
    [InlineData("N", "Nil")]
    [InlineData("I", "Infinitum")]
    [InlineData("b", "[3b 0x61 0x62 0x63]")]
    [InlineData("t", "e8754700.80000000")]
    [InlineData("h", "-9000000000")]
    [InlineData("[", "[ 1 [ \"a\" ] [ ] ]")]
    [InlineData("nan", "nan")]
    [InlineData("inf", "-inf")]
    public void ToString_IsOscdumpStyle(string kind, string expected)
    {
        OscArgument argument = kind switch
        {
            "i" => 1,
            "f" => 3.5f,
            "d" => -0.125,
            "s" => "hello",
            "S" => OscArgument.Symbol("sym"),
            "c" => OscArgument.Char('x'),
            "m" => OscArgument.Midi(new OscMidi(1, 2, 3, 4)),
            "r" => OscArgument.Rgba(new OscRgba(0x11, 0x22, 0x33, 0x44)),
            "T" => true,
            "F" => false,
            "N" => OscArgument.Nil,
            "I" => OscArgument.Impulse,
            "b" => OscArgument.Blob("abc"u8.ToArray()),
            "t" => OscArgument.TimeTag(new OscTimeTag(0xe8754700, 0x80000000)),
            "h" => -9_000_000_000L,
            "[" => OscArgument.Array(1, OscArgument.Array("a"), OscArgument.Array()),
            "nan" => OscArgument.Float64(BitConverter.Int64BitsToDouble(0x7ff8000000000000)),
            _ => float.NegativeInfinity,
        };

        Assert.Equal(expected, argument.ToString());
    }

    [Theory]
    [InlineData(0, "[0b ]")]
    [InlineData(3, "[3b 00 0x1 0xff]")]
    [InlineData(12, "[12b 00 0x1 0xff 0x3 0x4 0x5 0x6 0x7 0x8 0x9 0xa 0xb]")]
    [InlineData(13, "[13 byte blob]")]
    public void ToString_Blob_PrintsAsLibloDoes(int length, string expected)
    {
        byte[] blob = new byte[length];
        for (int i = 0; i < length; i++)
        {
            blob[i] = i switch { 0 => 0, 2 => 0xff, _ => (byte)i };
        }

        Assert.Equal(expected, OscArgument.Blob(blob).ToString());
    }

    [Fact]
    public void TryGetSpan_GivesArraysAndMessageLists_WithoutCopying_AndRefusesOtherLists()
    {
        OscArgument[] array = [OscArgument.Int32(1), OscArgument.Float32(0.5f)];
        Assert.True(OscArgument.TryGetSpan(array, out ReadOnlySpan<OscArgument> fromArray));
        Assert.True(fromArray == array.AsSpan());

        IReadOnlyList<OscArgument> decoded = ((OscMessage)OscCodec.Decode(OscCodec.Encode(new OscMessage("/a", array)))).Arguments;
        Assert.True(OscArgument.TryGetSpan(decoded, out ReadOnlySpan<OscArgument> fromMessage));
        Assert.Equal(array, fromMessage.ToArray());

        Assert.False(OscArgument.TryGetSpan(new List<OscArgument>(array), out ReadOnlySpan<OscArgument> fromList));
        Assert.True(fromList.IsEmpty);
        Assert.Throws<ArgumentNullException>(() => OscArgument.TryGetSpan(null!, out _));
    }
}
