using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace NetHub.Osc.Tests;

/// <summary>
/// Random packets survive encode and decode, through the typed decoder and the span readers alike; random and
/// mutated bytes only ever produce a packet or an <see cref="OscError"/>.
/// </summary>
public sealed partial class OscCodecTests
{
    private static readonly FsCheck.Config RoundTripConfig = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000).WithEndSize(20);

    private static readonly FsCheck.Config FuzzConfig = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000).WithEndSize(60);

    [Fact]
    public void Decode_RandomPackets_RoundTrip()
    {
        Check.One(RoundTripConfig, Prop.ForAll(OscGenerators.Packet(3).ToArbitrary(), packet =>
        {
            byte[] bytes = OscCodec.Encode(packet);
            return bytes.Length == OscCodec.GetSize(packet) && OscCodec.Decode(bytes).Equals(packet);
        }));
    }

    [Fact]
    public void TryRead_RandomPackets_ReaderTokensMatchTheModel()
    {
        Check.One(RoundTripConfig, Prop.ForAll(OscGenerators.Packet(3).ToArbitrary(), packet =>
        {
            byte[] bytes = OscCodec.Encode(packet);
            return MatchesModel(bytes, packet);
        }));
    }

    [Fact]
    public void WriteMessage_RandomMessages_MatchesEncode()
    {
        Check.One(RoundTripConfig, Prop.ForAll(OscGenerators.Message.ToArbitrary(), message =>
        {
            var output = new ArrayBufferWriter<byte>();
            OscArgument[] arguments = [.. message.Arguments];
            OscCodec.WriteMessage(output, message.Address, arguments);
            return output.WrittenSpan.SequenceEqual(OscCodec.Encode(message))
                && OscCodec.GetMessageSize(message.Address, arguments) == output.WrittenCount;
        }));
    }

    [Fact]
    public void TryDecode_RandomBytes_NeverThrows()
    {
        Gen<byte[]> words = Gen.Frequency(
            (3, OscGenerators.Byte),
            (2, Gen.Elements<byte>(0, (byte)'/', (byte)'#', (byte)',', (byte)'[', (byte)']', (byte)'s', (byte)'b', (byte)'i')))
            .ArrayOf();
        Gen<byte[]> packets = Gen.Frequency(
            (1, words),
            (2, words.Select(w => (byte[])[.. "#bundle\0"u8, .. w])),
            (2, words.Select(w => (byte[])[(byte)'/', 0, 0, 0, (byte)',', .. w])));

        Check.One(FuzzConfig, Prop.ForAll(packets.ToArbitrary(), DecodesSafely));
    }

    [Fact]
    public void TryDecode_MutatedValidPackets_NeverThrows()
    {
        Gen<byte[]> mutated =
            from packet in OscGenerators.Packet(3)
            let bytes = OscCodec.Encode(packet)
            from mutation in Gen.Choose(0, 5)
            from position in Gen.Choose(0, bytes.Length - 1)
            from bit in Gen.Choose(0, 7)
            from value in Gen.OneOf(OscGenerators.Int32, Gen.Elements(0, -1, -4, 1, 4, 8, 16, int.MaxValue, int.MinValue, 0x7FFFFFFC, bytes.Length))
            select Mutate(bytes, mutation, position, bit, value);

        Check.One(FuzzConfig, Prop.ForAll(mutated.ToArbitrary(), DecodesSafely));
    }

    [Fact]
    public void Validator_FastPathAndDiagnosis_AgreeOnRandomAndMutatedPackets()
    {
        Gen<byte[]> mutated =
            from packet in OscGenerators.Packet(3)
            let bytes = OscCodec.Encode(packet)
            from mutation in Gen.Choose(-1, 5)
            from position in Gen.Choose(0, bytes.Length - 1)
            from bit in Gen.Choose(0, 7)
            from value in Gen.OneOf(OscGenerators.Int32, Gen.Elements(0, -1, -4, 1, 4, 8, 16, int.MaxValue, int.MinValue, 0x7FFFFFFC, bytes.Length))
            select mutation < 0 ? bytes : Mutate(bytes, mutation, position, bit, value);
        var tight = new OscLimits { MaxArguments = 6, MaxArrayDepth = 2, MaxBundleDepth = 2, MaxStringLength = 8, MaxBlobLength = 8, MaxPacketSize = 256 };

        Check.One(FuzzConfig, Prop.ForAll(mutated.ToArbitrary(), bytes =>
        {
            foreach (OscLimits limits in new[] { OscLimits.Default, tight })
            {
                bool fast = OscValidator.IsValidMessage(bytes, limits, out OscValidator.MessageLayout fastLayout);
                bool slow = OscValidator.DiagnoseMessage(bytes, limits, 0, out OscValidator.MessageLayout slowLayout, out _);
                OscError bundleError = default;
                bool fastBundle = OscValidator.IsValidBundle(bytes, limits, 1);
                bool slowBundle = OscValidator.DiagnoseBundle(bytes, limits, 0, 1, ref bundleError);
                if (fast != slow || (fast && fastLayout != slowLayout) || fastBundle != slowBundle)
                {
                    return false;
                }
            }

            return true;
        }));
    }

    /// <summary>One of: flip a bit, truncate, overwrite an aligned word (sizes live there), drop or insert a word, change a tag.</summary>
    private static byte[] Mutate(byte[] bytes, int mutation, int position, int bit, int value)
    {
        byte[] copy = (byte[])bytes.Clone();
        int word = position & ~3;
        switch (mutation)
        {
            case 0:
                copy[position] ^= (byte)(1 << bit);
                return copy;
            case 1:
                return copy[..position];
            case 2:
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(word), value);
                return copy;
            case 3:
                return [.. copy[..word], .. copy[Math.Min(word + 4, copy.Length)..]];
            case 4:
                byte[] inserted = new byte[4];
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(inserted, value);
                return [.. copy[..word], .. inserted, .. copy[word..]];
            default:
                copy[position] = "ifsbhtdScrmTFNI[]x\0"u8[bit + (value & 7)];
                return copy;
        }
    }

    /// <summary>
    /// The typed decoder and the readers agree, neither throws, Decode throws only <see cref="OscDecodeException"/>,
    /// and whatever decodes re-encodes to something that decodes the same.
    /// </summary>
    private static bool DecodesSafely(byte[] bytes)
    {
        OperationStatus status = OscCodec.TryDecode(bytes, OscLimits.Default, out OscPacket? packet, out OscError error);
        Exception? thrown = Record.Exception(() => OscCodec.Decode(bytes));
        bool readersAgree = ReadEverything(bytes, OscLimits.Default) == (status == OperationStatus.Done);
        if (status != OperationStatus.Done)
        {
            return packet is null && thrown is OscDecodeException decodeError && decodeError.Error == error && readersAgree && error.Describe().Length > 0;
        }

        return thrown is null && readersAgree && OscCodec.Decode(OscCodec.Encode(packet!)).Equals(packet);
    }

    /// <summary>Walks a packet with the span readers only, calling every getter that applies; false if a reader rejects it.</summary>
    private static bool ReadEverything(ReadOnlySpan<byte> bytes, OscLimits limits)
    {
        if (OscCodec.TryGetKind(bytes, out OscPacketKind kind) && kind == OscPacketKind.Bundle)
        {
            if (OscBundleReader.TryRead(bytes, limits, out OscBundleReader bundle, out _) != OperationStatus.Done)
            {
                return false;
            }

            while (bundle.TryReadNext(out ReadOnlySpan<byte> element, out _))
            {
                Assert.True(ReadEverything(element, limits));
            }

            return true;
        }

        if (OscMessageReader.TryRead(bytes, limits, out OscMessageReader reader, out _) != OperationStatus.Done)
        {
            return false;
        }

        int depth = 0;
        while (reader.TryReadNext(out OscArgumentView view))
        {
            Assert.InRange(view.Offset, 0, bytes.Length);
            depth += view.Type switch { OscType.ArrayBegin => 1, OscType.ArrayEnd => -1, _ => 0 };
            if (view.Type is not (OscType.ArrayBegin or OscType.ArrayEnd))
            {
                _ = view.ToArgument();
            }
        }

        Assert.Equal(0, depth);
        return true;
    }

    /// <summary>The span readers see exactly the model's address, tags, argument tokens and bundle elements.</summary>
    private static bool MatchesModel(ReadOnlySpan<byte> bytes, OscPacket model)
    {
        if (model is OscBundle bundleModel)
        {
            Assert.Equal(OperationStatus.Done, OscBundleReader.TryRead(bytes, OscLimits.Default, out OscBundleReader bundle, out _));
            Assert.Equal(bundleModel.TimeTag, bundle.TimeTag);
            int index = 0;
            OscBundleReader readers = bundle;
            while (bundle.TryReadNext(out ReadOnlySpan<byte> element, out OscPacketKind kind))
            {
                OscPacket expected = bundleModel.Elements[index++];
                Assert.Equal(expected is OscBundle ? OscPacketKind.Bundle : OscPacketKind.Message, kind);
                Assert.True(MatchesModel(element, expected));

                // The same element through the reader the bundle hands out without a second check.
                Assert.True(readers.TryReadNext(out OscPacketKind readerKind, out OscMessageReader message, out OscBundleReader nested));
                Assert.Equal(kind, readerKind);
                if (kind == OscPacketKind.Message)
                {
                    Assert.True(MessageMatchesModel(ref message, (OscMessage)expected));
                }
                else
                {
                    Assert.Equal(((OscBundle)expected).TimeTag, nested.TimeTag);
                }
            }

            return index == bundleModel.Elements.Count && !readers.TryReadNext(out _, out _, out _);
        }

        Assert.Equal(OperationStatus.Done, OscMessageReader.TryRead(bytes, OscLimits.Default, out OscMessageReader reader, out _));
        return MessageMatchesModel(ref reader, (OscMessage)model);
    }

    private static bool MessageMatchesModel(ref OscMessageReader reader, OscMessage message)
    {
        Assert.Equal(Encoding.UTF8.GetBytes(message.Address), reader.Address.ToArray());
        Assert.Equal(Encoding.ASCII.GetBytes(message.TypeTags), reader.TypeTags.ToArray());
        var tokens = new List<OscArgument?>();
        Flatten(message.Arguments, tokens);
        foreach (OscArgument? expected in tokens)
        {
            Assert.True(reader.TryReadNext(out OscArgumentView view));
            if (expected is { } value)
            {
                Assert.Equal(value, view.ToArgument());
            }
            else
            {
                Assert.True(view.Type is OscType.ArrayBegin or OscType.ArrayEnd);
            }
        }

        return !reader.TryReadNext(out _);
    }

    /// <summary>The model's token stream: null stands for '[' or ']'.</summary>
    private static void Flatten(IReadOnlyList<OscArgument> arguments, List<OscArgument?> tokens)
    {
        foreach (OscArgument argument in arguments)
        {
            if (argument.Type == OscType.ArrayBegin)
            {
                tokens.Add(null);
                Flatten(argument.AsArray(), tokens);
                tokens.Add(null);
            }
            else
            {
                tokens.Add(argument);
            }
        }
    }
}
