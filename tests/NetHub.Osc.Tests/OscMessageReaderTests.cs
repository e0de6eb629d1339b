using System.Buffers;

namespace NetHub.Osc.Tests;

public sealed class OscMessageReaderTests
{
    [Fact]
    public void TryReadNext_Array_GivesBeginItemsEnd()
    {
        byte[] bytes = OscCodec.Encode(new OscMessage("/a", 1, OscArgument.Array(2, OscArgument.Array()), 3));
        OscMessageReader.TryRead(bytes, OscLimits.Default, out OscMessageReader reader, out _);

        var tokens = new List<OscType>();
        while (reader.TryReadNext(out OscArgumentView view))
        {
            tokens.Add(view.Type);
        }

        Assert.Equal([OscType.Int32, OscType.ArrayBegin, OscType.Int32, OscType.ArrayBegin, OscType.ArrayEnd, OscType.ArrayEnd, OscType.Int32], tokens);
    }

    [Fact]
    public void Reset_ReadsTheArgumentsAgain()
    {
        byte[] bytes = OscCodec.Encode(new OscMessage("/a", 1, "two"));
        OscMessageReader.TryRead(bytes, OscLimits.Default, out OscMessageReader reader, out _);
        while (reader.TryReadNext(out _))
        {
        }

        reader.Reset();

        Assert.True(reader.TryReadNext(out OscArgumentView first));
        Assert.Equal(1, first.GetInt32());
        Assert.True(reader.TryReadNext(out OscArgumentView second));
        Assert.Equal("two"u8.ToArray(), second.GetBytes().ToArray());
    }

    [Fact]
    public void View_WrongGetter_ThrowsNamingBothTypes()
    {
        byte[] bytes = OscCodec.Encode(new OscMessage("/a", 1.5f, OscArgument.Array()));
        OscMessageReader.TryRead(bytes, OscLimits.Default, out OscMessageReader reader, out _);
        reader.TryReadNext(out OscArgumentView value);
        string message = string.Empty;
        try
        {
            value.GetInt32();
        }
        catch (InvalidOperationException e)
        {
            message = e.Message;
        }

        reader.TryReadNext(out OscArgumentView begin);
        bool arrayThrew = false;
        try
        {
            begin.ToArgument();
        }
        catch (InvalidOperationException)
        {
            arrayThrew = true;
        }

        Assert.Equal("OSC argument is Float32 ('f'), not Int32 ('i')", message);
        Assert.True(arrayThrew);
    }

    [Fact]
    public void View_Getters_ReadEveryFixedType()
    {
        var time = new OscTimeTag(3, 4);
        byte[] bytes = OscCodec.Encode(new OscMessage(
            "/a", 7L, 2.25, OscArgument.TimeTag(time), OscArgument.Char('q'), OscArgument.Rgba(new OscRgba(1, 2, 3, 4)),
            OscArgument.Midi(new OscMidi(5, 6, 7, 8)), true, false, OscArgument.Symbol("sym"), OscArgument.Blob(new byte[] { 9 })));
        OscMessageReader.TryRead(bytes, OscLimits.Default, out OscMessageReader reader, out _);

        Assert.True(reader.TryReadNext(out OscArgumentView v) && v.GetInt64() == 7L);
        Assert.True(reader.TryReadNext(out v) && v.GetFloat64() == 2.25);
        Assert.True(reader.TryReadNext(out v) && v.GetTimeTag() == time);
        Assert.True(reader.TryReadNext(out v) && v.GetChar() == 'q');
        Assert.True(reader.TryReadNext(out v) && v.GetRgba() == new OscRgba(1, 2, 3, 4));
        Assert.True(reader.TryReadNext(out v) && v.GetMidi() == new OscMidi(5, 6, 7, 8));
        Assert.True(reader.TryReadNext(out v) && v.GetBoolean());
        Assert.True(reader.TryReadNext(out v) && !v.GetBoolean());
        Assert.True(reader.TryReadNext(out v) && v.GetBytes().SequenceEqual("sym"u8));
        Assert.True(reader.TryReadNext(out v) && v.GetBytes().SequenceEqual(new byte[] { 9 }));
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void View_CharWithUpperBytesSet_ReadsTheLowByte()
    {
        byte[] bytes = OscBytes.Hex("'/a' 00 00 | ',c' 00 00 | ff ff ff 78");

        var message = Assert.IsType<OscMessage>(OscCodec.Decode(bytes));

        Assert.Equal('x', message.Arguments[0].AsChar());
    }

    [Fact]
    public void TryRead_InvalidPacket_LeavesADefaultReader()
    {
        Assert.Equal(OperationStatus.InvalidData, OscMessageReader.TryRead([1, 2, 3, 4], OscLimits.Default, out OscMessageReader reader, out OscError error));

        Assert.Equal(OscErrorReason.NotAPacket, error.Reason);
        Assert.False(reader.TryReadNext(out _));
        Assert.True(reader.Address.IsEmpty);
    }

    [Fact]
    public void ReadArguments_GivesTheArgumentsNotReadYet_WithArraysAsOneArgument()
    {
        OscArgument[] all =
        [
            OscArgument.Int32(1), OscArgument.Array([OscArgument.Float32(2), OscArgument.Array([])]), OscArgument.String("three"), OscArgument.Array([]),
        ];
        byte[] packet = OscCodec.Encode(new OscMessage("/x", all));
        Assert.Equal(OperationStatus.Done, OscMessageReader.TryRead(packet, OscLimits.Default, out OscMessageReader reader, out _));

        Assert.Equal(all, OscCodec.ReadArguments(ref reader));
        Assert.Empty(OscCodec.ReadArguments(ref reader));

        reader.Reset();
        Assert.True(reader.TryReadNext(out _));
        Assert.Equal(all[1..], OscCodec.ReadArguments(ref reader));
    }
}
