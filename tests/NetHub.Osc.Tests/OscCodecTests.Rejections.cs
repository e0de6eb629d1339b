using System.Buffers;
using static NetHub.Osc.Tests.OscBytes;

namespace NetHub.Osc.Tests;

/// <summary>Malformed packets are rejected with the reason and the byte where the problem is.</summary>
public sealed partial class OscCodecTests
{
    // "/foo" and its padding: 8 bytes, so a type tag string starts at 8 and its first tag is at 9.
    private const string FooAddress = "'/foo' 00 00 00 00 | ";

    public static TheoryData<string, string, OscErrorReason, int, long> Malformed => new()
    {
        { "empty", string.Empty, OscErrorReason.Empty, 0, 0 },
        { "length not a multiple of 4", "'/a' 00 00 | ',' 00 00 00 | 00", OscErrorReason.NotMultipleOfFour, 8, 9 },
        { "first byte neither / nor #", "'abc' 00", OscErrorReason.NotAPacket, 0, 'a' },
        { "address without NUL", "'/foo'", OscErrorReason.UnterminatedString, 0, 0 },
        { "address with space", "'/f o' 00 00 00 00", OscErrorReason.BadAddress, 2, ' ' },
        { "address with DEL", "'/fo' 7f 00 00 00 00", OscErrorReason.BadAddress, 3, 0x7f },
        { "address padding not zero", "'/foo' 00 00 01 00", OscErrorReason.BadPadding, 6, 1 },
        { "data without type tags", FooAddress + "00 00 00 01", OscErrorReason.MissingTypeTagString, 8, 0 },
        { "type tags without NUL", FooAddress + "',iii'", OscErrorReason.UnterminatedString, 8, 0 },
        { "type tag padding not zero", FooAddress + "',i' 00 ff | 00 00 00 01", OscErrorReason.BadPadding, 11, 0xff },
        { "unknown type tag", FooAddress + "',ix' 00 | 00 00 00 01", OscErrorReason.UnknownTypeTag, 10, 'x' },
        { "int32 truncated", FooAddress + "',i' 00 00", OscErrorReason.TruncatedArgument, 12, 4 },
        { "int64 truncated", FooAddress + "',h' 00 00 | 00 00 00 01", OscErrorReason.TruncatedArgument, 12, 8 },
        { "second argument truncated", FooAddress + "',id' 00 | 00 00 00 01 | 00 00 00 00", OscErrorReason.TruncatedArgument, 16, 8 },
        { "string argument without NUL", FooAddress + "',s' 00 00 | 'abcd'", OscErrorReason.UnterminatedString, 12, 0 },
        { "string argument padding not zero", FooAddress + "',s' 00 00 | 'ab' 00 20", OscErrorReason.BadPadding, 15, 0x20 },
        { "long string argument padding not zero", FooAddress + "',s' 00 00 | '" + new string('a', 40) + "' 00 20 00 00", OscErrorReason.BadPadding, 53, 0x20 },
        { "long address padding not zero", "'/abcdefghijklmnopqrstu' 00 01", OscErrorReason.BadPadding, 23, 1 },
        { "long address with space", "'/abcdefghijklmnop q' 00", OscErrorReason.BadAddress, 17, ' ' },
        { "blob size truncated", FooAddress + "',b' 00 00", OscErrorReason.TruncatedArgument, 12, 4 },
        { "blob larger than the rest", FooAddress + "',b' 00 00 | 00 00 00 64 | 00 00 00 00", OscErrorReason.TruncatedBlob, 12, 100 },
        { "blob size negative", FooAddress + "',b' 00 00 | ff ff ff fc | 00 00 00 00", OscErrorReason.NegativeSize, 12, -4 },
        { "blob over the limit", FooAddress + "',b' 00 00 | 00 0f 42 40 | 00 00 00 00", OscErrorReason.BlobTooLarge, 12, 1_000_000 },
        { "blob padding not zero", FooAddress + "',b' 00 00 | 00 00 00 01 | 01 00 07 00", OscErrorReason.BadPadding, 18, 7 },
        { "array never closed", FooAddress + "',[i' 00 | 00 00 00 01", OscErrorReason.UnbalancedArray, 9, '[' },
        { "array closed twice", FooAddress + "',[]]' | 00 00 00 00", OscErrorReason.UnbalancedArray, 11, ']' },
        { "array end first", FooAddress + "',][' 00", OscErrorReason.UnbalancedArray, 9, ']' },
        { "outer array never closed", FooAddress + "',[[]' | 00 00 00 00", OscErrorReason.UnbalancedArray, 9, '[' },
        { "bytes after the last argument", FooAddress + "',i' 00 00 | 00 00 00 01 | 00 00 00 00", OscErrorReason.TrailingBytes, 16, 4 },
        { "bundle marker misspelt", "'#bundlX' 00 | 00 00 00 00 00 00 00 01", OscErrorReason.BadBundleHeader, 6, 0 },
        { "bundle without time tag", "'#bundle' 00", OscErrorReason.BadBundleHeader, 8, 0 },
        { "bundle cut in the marker", "'#bun'", OscErrorReason.BadBundleHeader, 4, 0 },
        { "element size zero", Bundle("00 00 00 00"), OscErrorReason.BadElementSize, 16, 0 },
        { "element size not a multiple of 4", Bundle("00 00 00 06 | '/a' 00 00 | ',' 00 00 00"), OscErrorReason.BadElementSize, 16, 6 },
        { "element size negative", Bundle("ff ff ff f8 | '/a' 00 00 | ',' 00 00 00"), OscErrorReason.BadElementSize, 16, -8 },
        { "element larger than the rest", Bundle("00 00 00 10 | '/a' 00 00 | ',' 00 00 00"), OscErrorReason.TruncatedBundle, 16, 16 },
        { "element neither message nor bundle", Bundle("00 00 00 04 | 'abc' 00"), OscErrorReason.NotAPacket, 20, 'a' },
        { "error inside an element", Bundle("00 00 00 0c | '/a' 00 00 | ',x' 00 00 | 00 00 00 00"), OscErrorReason.UnknownTypeTag, 25, 'x' },
        { "error inside a nested bundle", Bundle("00 00 00 1c | " + Bundle("00 00 00 08 | '/a' 00 00 | ',i' 00 00")), OscErrorReason.TruncatedArgument, 48, 4 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryDecode_MalformedPacket_GivesReasonAndOffset(string name, string hex, OscErrorReason reason, int offset, long value)
    {
        byte[] packet = Hex(hex);

        OperationStatus status = OscCodec.TryDecode(packet, OscLimits.Default, out OscPacket? result, out OscError error);

        Assert.True(status == OperationStatus.InvalidData, name);
        Assert.Null(result);
        Assert.Equal((reason, offset, value), (error.Reason, error.Offset, error.Value));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Decode_MalformedPacket_ThrowsDecodeExceptionWithTheError(string name, string hex, OscErrorReason reason, int offset, long value)
    {
        var exception = Assert.Throws<OscDecodeException>(() => OscCodec.Decode(Hex(hex)));

        Assert.True(exception.Reason == reason, name);
        Assert.Equal(offset, exception.Offset);
        Assert.Equal(value, exception.Error.Value);
        Assert.Equal(exception.Error.Describe(), exception.Message);
    }

    [Fact]
    public void TryDecode_BlobLargerThanTheRest_BoundIsWhatRemains()
    {
        OscCodec.TryDecode(Hex(FooAddress + "',b' 00 00 | 00 0f 42 40 | 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"), OscLimits.Default with { MaxBlobLength = 2_000_000 }, out _, out OscError error);

        Assert.Equal((OscErrorReason.TruncatedBlob, 12, 1_000_000L, 16L), (error.Reason, error.Offset, error.Value, error.Bound));
        Assert.Equal("blob declares 1000000 bytes at byte 12 but only 16 remain", error.Describe());
    }

    [Fact]
    public void TryDecode_TooManyArguments_PointsAtTheFirstTagOverTheLimit()
    {
        var limits = new OscLimits { MaxArguments = 3 };

        OscCodec.TryDecode(Hex(FooAddress + "',iiii' 00 00 00 | 00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04"), limits, out _, out OscError error);

        Assert.Equal((OscErrorReason.TooManyArguments, 12, 4L, 3L), (error.Reason, error.Offset, error.Value, error.Bound));
    }

    [Fact]
    public void TryDecode_ArraysTooDeep_PointsAtTheBracketOverTheLimit()
    {
        var limits = new OscLimits { MaxArrayDepth = 2 };

        OscCodec.TryDecode(Hex(FooAddress + "',[[[' | ']]]' 00"), limits, out _, out OscError error);

        Assert.Equal((OscErrorReason.ArrayTooDeep, 11, 3L, 2L), (error.Reason, error.Offset, error.Value, error.Bound));
    }

    [Fact]
    public void TryDecode_NineNestedBundles_IsTooDeepAtTheNinth()
    {
        OscPacket packet = new OscMessage("/x");
        for (int i = 0; i < 9; i++)
        {
            packet = new OscBundle(OscTimeTag.Immediately, packet);
        }

        OscCodec.TryDecode(OscCodec.Encode(packet), OscLimits.Default, out _, out OscError error);

        // Each level adds a 16-byte header and a 4-byte size field before the next bundle.
        Assert.Equal((OscErrorReason.BundleTooDeep, 8 * 20, 9L, 8L), (error.Reason, error.Offset, error.Value, error.Bound));
        Assert.Equal("bundle nested deeper than 8 at byte 160", error.Describe());
    }

    [Fact]
    public void TryDecode_EightNestedBundles_IsAccepted()
    {
        OscPacket packet = new OscMessage("/x");
        for (int i = 0; i < 8; i++)
        {
            packet = new OscBundle(OscTimeTag.Immediately, packet);
        }

        Assert.Equal(OperationStatus.Done, OscCodec.TryDecode(OscCodec.Encode(packet), OscLimits.Default, out OscPacket? result, out _));
        Assert.Equal(packet, result);
    }

    [Fact]
    public void TryDecode_PacketOverTheSizeLimit_IsTooLarge()
    {
        var limits = new OscLimits { MaxPacketSize = 16 };

        OscCodec.TryDecode(OscCodec.Encode(new OscMessage("/a", 1, 2, 3)), limits, out _, out OscError error);

        Assert.Equal((OscErrorReason.PacketTooLarge, 0, 24L, 16L), (error.Reason, error.Offset, error.Value, error.Bound));
    }

    [Fact]
    public void TryDecode_StringOverTheLimit_IsTooLong()
    {
        var limits = new OscLimits { MaxStringLength = 3 };

        OscCodec.TryDecode(Hex(FooAddress + "',' 00 00 00"), limits, out _, out OscError error);

        Assert.Equal((OscErrorReason.StringTooLong, 0, 4L, 3L), (error.Reason, error.Offset, error.Value, error.Bound));
    }

    [Fact]
    public void TryDecode_AddressOnly_IsMessageWithoutArguments()
    {
        byte[] packet = Hex(FooAddress);

        Assert.Equal(OperationStatus.Done, OscMessageReader.TryRead(packet, OscLimits.Default, out OscMessageReader reader, out _));
        Assert.False(reader.HasTypeTagString);
        Assert.True(reader.TypeTags.IsEmpty);
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(new OscMessage("/foo"), OscCodec.Decode(packet));
    }

    [Fact]
    public void TryDecode_PatternCharactersInAddress_AreAccepted()
    {
        var message = new OscMessage("/mixer/*/fader[0-9]/{a,b}?");

        Assert.Equal(message, OscCodec.Decode(OscCodec.Encode(message)));
    }

    [Fact]
    public void TryDecode_InvalidUtf8_IsReplacedNotRejected()
    {
        byte[] packet = Hex(FooAddress + "',s' 00 00 | 61 ff 62 00");

        var message = Assert.IsType<OscMessage>(OscCodec.Decode(packet));

        Assert.Equal("a\uFFFDb", message.Arguments[0].AsString());
    }

    [Fact]
    public void TryRead_BundleGivenToMessageReader_IsWrongKind()
    {
        byte[] bundle = OscCodec.Encode(new OscBundle(OscTimeTag.Immediately));
        byte[] message = OscCodec.Encode(new OscMessage("/a"));

        Assert.Equal(OperationStatus.InvalidData, OscMessageReader.TryRead(bundle, OscLimits.Default, out _, out OscError messageError));
        Assert.Equal(OperationStatus.InvalidData, OscBundleReader.TryRead(message, OscLimits.Default, out _, out OscError bundleError));
        Assert.Equal((OscErrorReason.WrongPacketKind, 0, (long)'#'), (messageError.Reason, messageError.Offset, messageError.Value));
        Assert.Equal((OscErrorReason.WrongPacketKind, 0, (long)'/'), (bundleError.Reason, bundleError.Offset, bundleError.Value));
    }

    private static string Bundle(string elements) => "'#bun' 'dle' 00 | 00 00 00 00 00 00 00 01 | " + elements;
}
