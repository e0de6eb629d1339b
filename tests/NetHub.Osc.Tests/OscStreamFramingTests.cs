using System.Buffers;
using FsCheck;
using FsCheck.Fluent;

namespace NetHub.Osc.Tests;

/// <summary>
/// What every stream framing must do: packets come back as they were sent, however the stream is cut into
/// segments; an incomplete frame consumes nothing; random input never throws or stalls.
/// </summary>
public abstract class OscStreamFramingTests
{
    /// <summary>Packets with bytes a framing must escape or must not mistake for a delimiter.</summary>
    protected static readonly byte[][] Packets =
    [
        OscCodec.Encode(new OscMessage("/cue/go", 1)),
        OscCodec.Encode(new OscMessage("/slip", unchecked((int)0xC0DBC0DB), OscArgument.Blob(new byte[] { 0xC0, 0xC0, 0xDB, 0xDD, 0xDC, 0xDB }))),
        OscCodec.Encode(new OscBundle(new OscTimeTag(0xC0C0C0C0, 0xDBDBDBDB), new OscMessage("/b", 0.5f))),
        OscCodec.Encode(new OscMessage("/e")),
    ];

    protected abstract OscFraming Framing { get; }

    [Fact]
    public void TryReadFrame_BackToBackPackets_ComeBackUnchanged()
    {
        byte[] stream = Frame(Packets);

        FramingRun run = FramingRun.ReadAll(Framing, new ReadOnlySequence<byte>(stream));

        Assert.Equal(Packets, run.Packets);
        Assert.Equal(OperationStatus.NeedMoreData, run.Status);
        Assert.Equal(stream.Length, run.Consumed);
    }

    [Fact]
    public void TryReadFrame_EveryProperPrefix_GivesCompleteFramesThenNeedMoreDataConsumingNothing()
    {
        byte[] stream = Frame(Packets);
        int[] frameEnds = FrameEnds(Packets);
        for (int length = 0; length < stream.Length; length++)
        {
            byte[] prefix = stream[..length];
            byte[][] expected = [.. Packets.Where((_, i) => frameEnds[i] <= length)];
            long consumed = frameEnds.Where(end => end <= length).DefaultIfEmpty(0).Max();

            AssertReads(expected, consumed, new ReadOnlySequence<byte>(prefix));
            AssertReads(expected, consumed, OscBytes.OneBytePerSegment(prefix));
            for (int cut = 1; cut < length; cut++)
            {
                AssertReads(expected, consumed, OscBytes.Split(prefix, cut));
            }
        }
    }

    [Fact]
    public void TryReadFrame_WholeStreamSplitAtEveryPoint_ReadsEveryPacket()
    {
        byte[] stream = Frame(Packets);
        for (int first = 1; first < stream.Length; first++)
        {
            for (int second = first + 1; second < stream.Length; second += 7)
            {
                AssertReads(Packets, stream.Length, OscBytes.Split(stream, first, second));
            }
        }
    }

    [Fact]
    public void GetFrameSize_IsWhatWriteFrameWrites()
    {
        foreach (byte[] packet in Packets)
        {
            var output = new ArrayBufferWriter<byte>();

            OscStreamFraming.WriteFrame(Framing, packet, output);

            Assert.Equal(OscStreamFraming.GetFrameSize(Framing, packet), output.WrittenCount);
        }
    }

    [Fact]
    public void TryReadFrame_RandomStreams_NeverThrowAndAlwaysProgress()
    {
        Gen<byte> interesting = Gen.Frequency(
            (4, Gen.Choose(0, 255).Select(b => (byte)b)),
            (2, Gen.Elements<byte>(0xC0, 0xDB, 0xDC, 0xDD, 0x00)),
            (1, Gen.Elements<byte>(0x7F, 0xFF, 0x80)));
        Gen<(byte[] Bytes, int Cut)> streams =
            from bytes in interesting.ArrayOf()
            from cut in Gen.Choose(0, bytes.Length)
            select (bytes, cut);

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000).WithEndSize(200), Prop.ForAll(streams.ToArbitrary(), input =>
        {
            ReadOnlySequence<byte> sequence = input.Cut > 0 && input.Cut < input.Bytes.Length
                ? OscBytes.Split(input.Bytes, input.Cut)
                : new ReadOnlySequence<byte>(input.Bytes);
            FramingRun run = FramingRun.ReadAll(Framing, sequence, maxPacketSize: 32);
            return run.Consumed <= input.Bytes.Length;
        }));
    }

    [Fact]
    public void TryReadFrame_RandomPacketsAndCuts_RoundTrip()
    {
        Gen<byte[]> packet = Gen.Elements<byte>(0xC0, 0xDB, 0xDC, 0xDD, 0x00, 0x2F, 0x41).ArrayOf(4).ListOf().Select(words => words.SelectMany(w => w).ToArray())
            .Where(p => p.Length > 0);
        Gen<(byte[][] Packets, int Cut)> cases =
            from packets in packet.ArrayOf()
            from cut in Gen.Choose(1, 1000)
            select (packets, cut);

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500).WithEndSize(30), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            byte[] stream = Frame(c.Packets);
            int cut = c.Cut % Math.Max(stream.Length, 1);
            ReadOnlySequence<byte> input = cut > 0 ? OscBytes.Split(stream, cut) : new ReadOnlySequence<byte>(stream);
            FramingRun run = FramingRun.ReadAll(Framing, input);
            return run.Status == OperationStatus.NeedMoreData
                && run.Consumed == stream.Length
                && run.Packets.Count == c.Packets.Length
                && run.Packets.Zip(c.Packets).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second));
        }));
    }

    /// <summary>The packets framed back to back, as a sender writes them.</summary>
    protected byte[] Frame(IEnumerable<byte[]> packets)
    {
        var output = new ArrayBufferWriter<byte>();
        foreach (byte[] packet in packets)
        {
            OscStreamFraming.WriteFrame(Framing, packet, output);
        }

        return output.WrittenSpan.ToArray();
    }

    private int[] FrameEnds(byte[][] packets)
    {
        int[] ends = new int[packets.Length];
        int end = 0;
        for (int i = 0; i < packets.Length; i++)
        {
            end += OscStreamFraming.GetFrameSize(Framing, packets[i]);
            ends[i] = end;
        }

        return ends;
    }

    private void AssertReads(byte[][] expected, long consumed, ReadOnlySequence<byte> input)
    {
        FramingRun run = FramingRun.ReadAll(Framing, input);

        Assert.Equal(OperationStatus.NeedMoreData, run.Status);
        Assert.Equal(expected, run.Packets);
        Assert.Equal(consumed, run.Consumed);
    }
}
