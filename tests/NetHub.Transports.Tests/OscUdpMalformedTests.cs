using System.Buffers.Binary;
using System.Net;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;
using Xunit.Abstractions;

namespace NetHub.Transports.Tests;

/// <summary>Malformed packets at a live endpoint: each is counted and logged with its reason, and valid traffic keeps flowing.</summary>
[Trait("Category", "Integration")]
public sealed class OscUdpMalformedTests(ITestOutputHelper output) : EndpointTestKit(output)
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "truncated", "TruncatedArgument" },
        { "bad-padding", "BadPadding" },
        { "not-multiple-of-four", "NotMultipleOfFour" },
        { "unknown-tag", "UnknownTypeTag" },
        { "huge-blob", "BlobTooLarge" },
        { "short-blob", "TruncatedBlob" },
        { "deep-nesting", "BundleTooDeep" },
        { "bad-element-size", "BadElementSize" },
        { "garbage", "NotAPacket" },
        { "too-large", "PacketTooLarge" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_IsCountedAndLogged_ValidTrafficKeepsFlowing(string kind, string reason)
    {
        IActorRef endpoint = StartUdp("limits.max-packet = 1KiB");
        IPEndPoint local = LocalOf(endpoint);
        using var peer = new UdpPeer();

        peer.Send(new OscMessage("/before", OscArgument.Int32(1)), local);
        peer.Send(Malformed(kind), local);
        peer.Send(new OscMessage("/after", OscArgument.Int32(2)), local);

        Assert.Equal("/before", TestActor.ExpectMsg<HubMessage>().Address);
        Assert.Equal("/after", TestActor.ExpectMsg<HubMessage>().Address);
        EndpointStatus status = Status(endpoint);
        Assert.Equal(1, status.Counters.ErrorsByReason.GetValueOrDefault(reason));
        Assert.Equal(2, status.Counters.MessagesIn);
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 2002 && e.Message.Contains($"[{reason}]", StringComparison.Ordinal) && e.Message.Contains(peer.LocalText, StringComparison.Ordinal));
    }

    [Fact]
    public void AllKinds_InOneStream_AreEachCountedByReason()
    {
        IActorRef endpoint = StartUdp("limits.max-packet = 1KiB");
        IPEndPoint local = LocalOf(endpoint);
        using var peer = new UdpPeer();
        foreach (object[] row in Cases())
        {
            peer.Send(Malformed((string)row[0]), local);
            peer.Send(new OscMessage("/ok"), local);
        }

        TestActor.ReceiveN(Cases().Count);
        CounterSnapshot counters = Status(endpoint).Counters;
        Assert.Equal(Cases().Count, counters.Errors);
        foreach (object[] row in Cases())
        {
            Assert.Equal(1, counters.ErrorsByReason[(string)row[1]]);
        }
    }

    private static byte[] Malformed(string kind)
    {
        byte[] good = OscCodec.Encode(new OscMessage("/x", OscArgument.Int32(1), OscArgument.String("abc")));
        switch (kind)
        {
            case "truncated":
                return good[..8];
            case "bad-padding":
                byte[] padded = (byte[])good.Clone();
                padded[3] = (byte)'!';
                return padded;
            case "not-multiple-of-four":
                return [.. good, 0];
            case "unknown-tag":
                byte[] tagged = (byte[])good.Clone();
                tagged[5] = (byte)'x';
                return tagged;
            case "huge-blob":
                byte[] blob = OscCodec.Encode(new OscMessage("/b", OscArgument.Blob(new byte[4])));
                BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(8), 1_000_000);
                return blob;
            case "short-blob":
                byte[] shortBlob = OscCodec.Encode(new OscMessage("/b", OscArgument.Blob(new byte[4])));
                BinaryPrimitives.WriteInt32BigEndian(shortBlob.AsSpan(8), 1000);
                return shortBlob;
            case "deep-nesting":
                OscPacket nested = new OscMessage("/deep");
                for (int i = 0; i < 12; i++)
                {
                    nested = new OscBundle(OscTimeTag.Immediately, nested);
                }

                return OscCodec.Encode(nested);
            case "bad-element-size":
                byte[] bundle = OscCodec.Encode(new OscBundle(OscTimeTag.Immediately, new OscMessage("/a")));
                BinaryPrimitives.WriteInt32BigEndian(bundle.AsSpan(16), 6);
                return bundle;
            case "garbage":
                return "this is not OSC!"u8.ToArray();
            case "too-large":
                return OscCodec.Encode(new OscMessage("/big", OscArgument.Blob(new byte[2000])));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
