using System.Buffers;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Transports.Tests;

/// <summary>
/// The router's batches: taken from a pool, filled with sends (some with payloads the batch lends), released by the
/// endpoint once written out, and reused. What a send lends is only valid until then; its copies stay valid.
/// </summary>
public sealed class SendBatchTests
{
    private static readonly HubMessage Original = HubMessage.Create(
        DateTimeOffset.UnixEpoch, new MessageSource("node", "tablet", "10.0.0.5:9000"), "/1/fader3", new OscPayload([OscArgument.Float32(0.25f)]));

    [Fact]
    public void Release_PutsTheBatchBackEmpty_AndRentReusesIt()
    {
        var pool = new SendBatchPool(kept: 2);
        SendBatch batch = pool.Rent();
        batch.Add(new SendMessage(Original));

        batch.Release();

        Assert.Equal(0, batch.Count);
        Assert.Same(batch, pool.Rent());
        Assert.NotSame(batch, pool.Rent());
    }

    [Fact]
    public void Release_Twice_ReturnsTheBatchOnce()
    {
        var pool = new SendBatchPool(kept: 4);
        SendBatch batch = pool.Rent();

        batch.Release();
        batch.Release();

        Assert.Same(batch, pool.Rent());
        Assert.NotSame(batch, pool.Rent());
    }

    [Fact]
    public void Release_OfABatchMadeFromAList_LeavesItAsItIs()
    {
        var batch = new SendBatch([new SendMessage(Original), new SendMessage(Original, "/x", OscPayload.Empty)]);

        batch.Release();

        Assert.Equal(2, batch.Count);
        Assert.Equal("/x", batch[1].Address);
    }

    [Fact]
    public void Rent_WhenEveryKeptBatchIsOut_MakesANewOne_AndAFullPoolDropsWhatComesBack()
    {
        var pool = new SendBatchPool(kept: 1);
        SendBatch first = pool.Rent();
        SendBatch second = pool.Rent();
        Assert.NotSame(first, second);

        first.Release();
        second.Release();

        Assert.Same(first, pool.Rent());
        Assert.NotSame(second, pool.Rent());
    }

    [Fact]
    public void AddLent_CopiesTheArguments_AndTheSendReadsThemAsItsPayload()
    {
        SendBatch batch = new SendBatchPool().Rent();
        OscArgument[] scratch = [OscArgument.Float32(-12f), OscArgument.Int32(3)];

        batch.AddLent(Original, "/mixer/ch/3/gain", scratch, "10.0.0.9:8000");
        scratch[0] = OscArgument.Float32(99f);

        SendMessage send = batch[0];
        Assert.Equal("/mixer/ch/3/gain", send.Address);
        Assert.Equal("10.0.0.9:8000", send.To);
        Assert.Same(Original, send.Original);
        Assert.Equal([OscArgument.Float32(-12f), OscArgument.Int32(3)], ((OscPayload)send.Payload).Arguments);
        Assert.Equal(Original.Id, send.Message.Id);
        Assert.Equal("/mixer/ch/3/gain", send.Message.Address);
    }

    [Fact]
    public void AReusedBatch_FillsItsLentPayloadsAgain_WhileDetachedCopiesKeepTheirValues()
    {
        var pool = new SendBatchPool(kept: 1);
        SendBatch batch = pool.Rent();
        batch.AddLent(Original, "/a", [OscArgument.Float32(1f)], null);
        HubPayload lent = batch[0].Payload;
        SendMessage detached = batch[0].Detach();
        HubMessage built = batch[0].Message;

        batch.Release();
        SendBatch again = pool.Rent();
        again.AddLent(Original, "/a", [OscArgument.Float32(2f)], null);

        Assert.Same(batch, again);
        Assert.Same(lent, again[0].Payload);
        Assert.Equal(2f, ((OscPayload)lent).Arguments[0].AsFloat32());
        Assert.Equal(1f, ((OscPayload)detached.Payload).Arguments[0].AsFloat32());
        Assert.Equal(1f, ((OscPayload)built.Payload).Arguments[0].AsFloat32());
    }

    [Fact]
    public void AddLent_WithAnotherArgumentCount_MakesAPayloadOfThatSize()
    {
        var pool = new SendBatchPool(kept: 1);
        SendBatch batch = pool.Rent();
        batch.AddLent(Original, "/xy", [OscArgument.Float32(1f)], null);
        batch.Release();
        batch = pool.Rent();

        batch.AddLent(Original, "/xy", [OscArgument.Float32(0.1f), OscArgument.Float32(0.9f)], null);

        Assert.Equal([OscArgument.Float32(0.1f), OscArgument.Float32(0.9f)], ((OscPayload)batch[0].Payload).Arguments);
    }

    [Fact]
    public void Batch_GrowsPastItsCapacity_KeepingOrder()
    {
        SendBatch batch = new SendBatchPool(capacity: 2).Rent();
        for (int i = 0; i < 9; i++)
        {
            if (i % 2 == 0)
            {
                batch.AddLent(Original, $"/n/{i}", [OscArgument.Int32(i)], null);
            }
            else
            {
                batch.Add(new SendMessage(Original, $"/n/{i}", new OscPayload([OscArgument.Int32(i)])));
            }
        }

        Assert.Equal(9, batch.Count);
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal($"/n/{i}", batch.Span[i].Address);
            Assert.Equal(i, ((OscPayload)batch.Span[i].Payload).Arguments[0].AsInt32());
        }
    }

    [Fact]
    public void Detach_OfASendThatLendsNothing_IsTheSameSend()
    {
        var send = new SendMessage(Original, "/b", OscPayload.Empty, "peer:1");

        Assert.Equal(send, send.Detach());
        Assert.Same(Original, new SendMessage(Original).Message);
    }

    [Fact]
    public void ToString_NamesTheCountAndTheFirstAddresses()
    {
        SendBatch batch = new SendBatchPool().Rent();
        for (int i = 0; i < 5; i++)
        {
            batch.Add(new SendMessage(Original, $"/n/{i}", OscPayload.Empty));
        }

        Assert.Equal("5 send(s): /n/0, /n/1, /n/2, ... (2 more)", batch.ToString());
    }

    [Fact]
    public void Encode_WritesALentSend_FromItsAddressAndArguments()
    {
        SendBatch batch = new SendBatchPool().Rent();
        batch.AddLent(Original, "/mixer/ch/3/gain", [OscArgument.Float32(-12f)], null);
        var output = new ArrayBufferWriter<byte>();

        OscUdpEndpoint.Encode(batch[0], output);

        Assert.Equal(OscCodec.Encode(new OscMessage("/mixer/ch/3/gain", OscArgument.Float32(-12f))), output.WrittenSpan.ToArray());
    }
}
