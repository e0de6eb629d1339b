using System.Buffers;

namespace NetHub.Osc.Tests;

public sealed class OscBundleReaderTests
{
    private static readonly OscTimeTag Time = new(0xe8754700, 0x80000000);

    private static readonly OscBundle Nested = new(
        Time,
        new OscMessage("/a", 1, "x"),
        new OscBundle(OscTimeTag.Immediately, new OscMessage("/b", 2.5f), new OscBundle(Time)),
        new OscMessage("/c"));

    [Fact]
    public void TryReadNext_Slices_GiveEachElementWithItsKind()
    {
        byte[] bytes = OscCodec.Encode(Nested);
        Assert.Equal(OperationStatus.Done, OscBundleReader.TryRead(bytes, OscLimits.Default, out OscBundleReader reader, out _));

        var kinds = new List<OscPacketKind>();
        var elements = new List<OscPacket>();
        while (reader.TryReadNext(out ReadOnlySpan<byte> element, out OscPacketKind kind))
        {
            kinds.Add(kind);
            elements.Add(OscCodec.Decode(element));
        }

        Assert.Equal(Time, reader.TimeTag);
        Assert.Equal([OscPacketKind.Message, OscPacketKind.Bundle, OscPacketKind.Message], kinds);
        Assert.Equal(Nested.Elements, elements);
    }

    [Fact]
    public void TryReadNext_Readers_WalkMessagesAndNestedBundlesWithoutRechecking()
    {
        byte[] bytes = OscCodec.Encode(Nested);
        OscBundleReader.TryRead(bytes, OscLimits.Default, out OscBundleReader reader, out _);

        Assert.True(reader.TryReadNext(out OscPacketKind kind, out OscMessageReader first, out _));
        Assert.Equal(OscPacketKind.Message, kind);
        Assert.Equal("/a"u8.ToArray(), first.Address.ToArray());
        Assert.True(first.TryReadNext(out OscArgumentView one));
        Assert.Equal(1, one.GetInt32());
        Assert.True(first.TryReadNext(out OscArgumentView x));
        Assert.Equal("x"u8.ToArray(), x.GetBytes().ToArray());

        Assert.True(reader.TryReadNext(out kind, out _, out OscBundleReader inner));
        Assert.Equal(OscPacketKind.Bundle, kind);
        Assert.True(inner.TimeTag.IsImmediately);
        Assert.True(inner.TryReadNext(out _, out OscMessageReader b, out _));
        Assert.True(b.TryReadNext(out OscArgumentView value));
        Assert.Equal(2.5f, value.GetFloat32());
        Assert.True(inner.TryReadNext(out kind, out _, out OscBundleReader empty));
        Assert.Equal(OscPacketKind.Bundle, kind);
        Assert.False(empty.TryReadNext(out _, out _));
        Assert.False(inner.TryReadNext(out _, out _, out _));

        Assert.True(reader.TryReadNext(out _, out OscMessageReader last, out _));
        Assert.True(last.HasTypeTagString);
        Assert.False(last.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _, out _, out _));
    }

    [Fact]
    public void TryReadNext_MessageWithoutTypeTagsInBundle_HasNoArguments()
    {
        byte[] bytes = OscBytes.Hex("'#bun' 'dle' 00 | 00 00 00 00 00 00 00 01 | 00 00 00 04 | '/a' 00 00");
        Assert.Equal(OperationStatus.Done, OscBundleReader.TryRead(bytes, OscLimits.Default, out OscBundleReader reader, out _));

        Assert.True(reader.TryReadNext(out _, out OscMessageReader message, out _));

        Assert.False(message.HasTypeTagString);
        Assert.True(message.TypeTags.IsEmpty);
        Assert.False(message.TryReadNext(out _));
    }

    [Fact]
    public void Reset_StartsOverAtTheFirstElement()
    {
        byte[] bytes = OscCodec.Encode(Nested);
        OscBundleReader.TryRead(bytes, OscLimits.Default, out OscBundleReader reader, out _);
        while (reader.TryReadNext(out _, out _))
        {
        }

        reader.Reset();

        Assert.True(reader.TryReadNext(out ReadOnlySpan<byte> element, out _));
        Assert.Equal(new OscMessage("/a", 1, "x"), OscCodec.Decode(element));
    }

    [Fact]
    public void Default_ReadsNothing()
    {
        OscBundleReader reader = default;

        Assert.False(reader.TryReadNext(out _, out _));
        Assert.False(reader.TryReadNext(out _, out _, out _));
    }
}
