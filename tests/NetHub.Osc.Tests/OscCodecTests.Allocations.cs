using System.Buffers;
using FsCheck.Fluent;

namespace NetHub.Osc.Tests;

/// <summary>The span readers, the encoders and the framing allocate nothing once warmed up (measured, not assumed).</summary>
public sealed partial class OscCodecTests
{
    private const int AllocationRounds = 200;

    // A method rather than a field: static initializers in other parts of this class may not have run yet.
    private static OscPacket[] AllocationPackets() =>
    [
        new OscMessage("/cue/go", 1),
        new OscMessage("/mixer/ch/12/fader", 0.75f),
        new OscMessage("/a/b/c", 1, 2.5f, "hello", OscArgument.Blob(new byte[32])),
        new OscMessage("/all", [.. Cases.Values.Select(c => c.Argument)]),
        new OscBundle(SomeTime, new OscMessage("/a", 1), new OscBundle(SomeTime, new OscMessage("/b", "x"))),
        .. OscGenerators.Packet(3).Sample(10, 20),
    ];

    [Fact]
    public void TryRead_WarmedUp_AllocatesNothing()
    {
        byte[][] encoded = [.. AllocationPackets().Select(OscCodec.Encode)];

        long allocated = Measure(() =>
        {
            foreach (byte[] bytes in encoded)
            {
                ReadAllValues(bytes);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Encode_WarmedUp_AllocatesNothing()
    {
        var output = new ArrayBufferWriter<byte>(1 << 16);
        byte[] destination = new byte[1 << 16];
        OscPacket[] packets = AllocationPackets();

        long allocated = Measure(() =>
        {
            foreach (OscPacket packet in packets)
            {
                output.ResetWrittenCount();
                OscCodec.Encode(packet, output);
                OscCodec.Encode(packet, destination);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void WriteMessage_WarmedUp_AllocatesNothing()
    {
        var output = new ArrayBufferWriter<byte>(1 << 16);
        OscArgument[] arguments = [1, 2.5f, "hello", OscArgument.Blob(new byte[32]), OscArgument.Array(1, OscArgument.Array("x"))];

        long allocated = Measure(() =>
        {
            output.ResetWrittenCount();
            OscCodec.WriteMessage(output, "/a/b/c", arguments);
            _ = OscCodec.GetMessageSize("/a/b/c", arguments);
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void WriteMessage_FromAnyArgumentList_WritesTheSameBytes_AndAllocatesNothing()
    {
        OscArgument[] array = [1, 2.5f, "hello", OscArgument.Blob(new byte[] { 1, 2, 3 }), OscArgument.Array(1, OscArgument.Array("x"))];
        IReadOnlyList<OscArgument>[] lists = [array, new OscMessage("/d", array).Arguments, new List<OscArgument>(array)];
        byte[] expected = OscCodec.Encode(new OscMessage("/a/b/c", array));
        var output = new ArrayBufferWriter<byte>(1 << 16);
        foreach (IReadOnlyList<OscArgument> list in lists)
        {
            output.ResetWrittenCount();
            OscCodec.WriteMessage(output, "/a/b/c", list);
            Assert.Equal(expected, output.WrittenSpan.ToArray());
        }

        long allocated = Measure(() =>
        {
            foreach (IReadOnlyList<OscArgument> list in lists)
            {
                output.ResetWrittenCount();
                OscCodec.WriteMessage(output, "/a/b/c", list);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(OscFraming.SizePrefix)]
    [InlineData(OscFraming.Slip)]
    public void Framing_WarmedUp_AllocatesNothing(OscFraming framing)
    {
        var frames = new ArrayBufferWriter<byte>(1 << 16);
        var packet = new ArrayBufferWriter<byte>(1 << 16);
        byte[] payload = OscCodec.Encode(new OscMessage("/slip", unchecked((int)0xC0DBC0DB), OscArgument.Blob(new byte[] { 0xC0, 0xDB })));
        OscStreamFraming.WriteFrame(framing, payload, frames);
        var input = new ReadOnlySequence<byte>(frames.WrittenMemory);
        var output = new ArrayBufferWriter<byte>(1 << 16);

        long allocated = Measure(() =>
        {
            output.ResetWrittenCount();
            OscStreamFraming.WriteFrame(framing, payload, output);
            packet.ResetWrittenCount();
            OscStreamFraming.TryReadFrame(framing, input, 65536, packet, out _, out _);
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Decode_AllocatesTheArgumentsOnce()
    {
        // 200 int32 arguments: an array of them is 4.8 KB. Besides it a decoded message holds its encoded image (the
        // packet's size) and its type tag string; growing a list to hold the arguments and copying it out would add
        // at least another 9 KB.
        const int Count = 200;
        byte[] packet = OscCodec.Encode(new OscMessage("/many", [.. Enumerable.Range(0, Count).Select(i => OscArgument.Int32(i))]));
        long argumentArray = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(new OscArgument[Count]);
        argumentArray = GC.GetAllocatedBytesForCurrentThread() - argumentArray;

        long perDecode = Measure(() => GC.KeepAlive(OscCodec.Decode(packet))) / AllocationRounds;

        Assert.InRange(perDecode, argumentArray + packet.Length, argumentArray + packet.Length + (2 * Count) + 256);
    }

    [Fact]
    public void DecodedMessage_TypeTagsAndBytes_AreTheReceivedOnes()
    {
        byte[] packet = OscCodec.Encode(new OscMessage("/mix", 1, "two", OscArgument.Array([OscArgument.Float32(3), OscArgument.Array([])]), OscArgument.Blob(new byte[] { 4, 5 })));
        var decoded = (OscMessage)OscCodec.Decode(packet);

        byte[][] encodings = [.. Enumerable.Range(0, 4).AsParallel().Select(_ => OscCodec.Encode(decoded))];

        Assert.All(encodings, bytes => Assert.Equal(packet, bytes));
        Assert.Equal("is[f[]]b", decoded.TypeTags);
        Assert.Equal(packet.Length, OscCodec.GetSize(decoded));
    }

    /// <summary>Bytes allocated on this thread by <paramref name="work"/> repeated, after a warm-up that lets the JIT settle.</summary>
    private static long Measure(Action work)
    {
        for (int i = 0; i < AllocationRounds; i++)
        {
            work();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < AllocationRounds; i++)
        {
            work();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void ReadAllValues(ReadOnlySpan<byte> bytes)
    {
        if (OscCodec.TryGetKind(bytes, out OscPacketKind kind) && kind == OscPacketKind.Bundle)
        {
            OscBundleReader.TryRead(bytes, OscLimits.Default, out OscBundleReader bundle, out _);
            OscBundleReader readers = bundle;
            while (bundle.TryReadNext(out ReadOnlySpan<byte> element, out _))
            {
                ReadAllValues(element);
                readers.TryReadNext(out _, out OscMessageReader message, out _);
                ReadValues(ref message);
            }

            return;
        }

        OscMessageReader.TryRead(bytes, OscLimits.Default, out OscMessageReader reader, out _);
        ReadValues(ref reader);
    }

    private static void ReadValues(ref OscMessageReader reader)
    {
        while (reader.TryReadNext(out OscArgumentView view))
        {
            _ = view.Type switch
            {
                OscType.Int32 => view.GetInt32(),
                OscType.Float32 => view.GetFloat32(),
                OscType.Int64 => view.GetInt64(),
                OscType.Float64 => view.GetFloat64(),
                OscType.TimeTag => (double)view.GetTimeTag().Value,
                OscType.Char => view.GetChar(),
                OscType.Rgba => view.GetRgba().A,
                OscType.Midi => view.GetMidi().Status,
                OscType.True or OscType.False => view.GetBoolean() ? 1 : 0,
                OscType.String or OscType.Symbol or OscType.Blob => view.GetBytes().Length,
                _ => 0,
            };
        }
    }
}
