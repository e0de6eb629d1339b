using System.Runtime.CompilerServices;
using System.Text.Json;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.History.Tests;

/// <summary>The ring keeps messages as bytes: it gives back equal messages and holds on to none of the originals.</summary>
public sealed class HistoryRingTests
{
    private static readonly MessageSource Tablet = new("n", "tablet", "10.0.0.7:9000");

    [Fact]
    public void KeptMessages_HoldOnToNoneOfTheOriginals()
    {
        var ring = new HistoryRing(8, 1_000_000);
        WeakReference[] originals = Record(ring, 8);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.All(originals, original => Assert.False(original.IsAlive, "the ring still holds a message, its payload or its arguments"));
        Assert.Equal(8, ring.Count);
        Assert.Equal("/1/fader7", ring.FromNewest(0).Message().Address);
    }

    [Fact]
    public void KeptMessages_ComeBackEqual_ForEveryKindOfPayload()
    {
        var time = new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.FromHours(1));
        HubMessage[] messages =
        [
            new(1, time, Tablet, "/mixer/ch/1/gain", new OscPayload([OscArgument.Float32(-6f), OscArgument.String("dB"), OscArgument.Blob(new byte[] { 1, 2, 3 }), OscArgument.Array(1, OscArgument.Array(2L))]), new OscTimeTag(0xe8754700, 1)),
            new(2, time, Tablet, "CMD:GO", new TextPayload("GO 3 ✓")),
            new(3, time, Tablet, "/json", new JsonPayload(JsonDocument.Parse("""{"set":"/x","value":[1,2.5,"a",null,true]}""").RootElement)),
            new(4, time, Tablet, "/raw", new BytesPayload(new byte[] { 0, 255, 10 })),
            new(5, time, new MessageSource("n", "hub", null), "/none", new OscPayload([])),
        ];
        var ring = new HistoryRing(16, 1_000_000);
        foreach (HubMessage message in messages)
        {
            ring.Add(new Traffic(message, TrafficDirection.Out, "desk", null), message.Id, time.UtcTicks, TrafficSize.Of(message));
        }

        for (int i = 0; i < messages.Length; i++)
        {
            HubMessage original = messages[i];
            HubMessage again = ring.FromNewest(messages.Length - 1 - i).Message();
            Assert.Equal(original.Id, again.Id);
            Assert.Equal(original.Time, again.Time);
            Assert.Equal(original.Time.Offset, again.Time.Offset);
            Assert.Equal(original.Source, again.Source);
            Assert.Equal(original.Address, again.Address);
            Assert.Equal(original.TimeTag, again.TimeTag);
            Assert.Equal(original.Payload.Kind, again.Payload.Kind);
            Assert.Equal(PayloadConvert.ToText(original.Payload), PayloadConvert.ToText(again.Payload));
            if (original.Payload is OscPayload osc)
            {
                Assert.Equal(osc.Arguments, ((OscPayload)again.Payload).Arguments);
            }
        }
    }

    [Fact]
    public void AddressPatternQueries_MatchTheKeptAddress()
    {
        var ring = new HistoryRing(4, 1_000_000);
        HubMessage message = HubMessage.Create(DateTimeOffset.UnixEpoch, Tablet, "/mixer/ch/12/fader", new OscPayload([OscArgument.Float32(0.5f)]));
        ring.Add(new Traffic(message, TrafficDirection.In, "tablet", "10.0.0.7:9000"), 1, 0, TrafficSize.Of(message));

        Assert.True(OscAddressPattern.Parse("//fader").IsMatch(ring.FromNewest(0).Address));
        Assert.False(OscAddressPattern.Parse("/mixer/ch/1/*").IsMatch(ring.FromNewest(0).Address));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] Record(HistoryRing ring, int count)
    {
        var originals = new List<WeakReference>();
        for (int i = 0; i < count; i++)
        {
            string address = $"/1/fader{i}";
            var arguments = new OscArgument[] { OscArgument.Float32(i / 10f), OscArgument.String($"take {i}") };
            var payload = new OscPayload(arguments);
            HubMessage message = HubMessage.Create(DateTimeOffset.UnixEpoch, Tablet, address, payload);
            ring.Add(new Traffic(message, TrafficDirection.In, "tablet", Tablet.Peer), i + 1, i, TrafficSize.Of(message));
            originals.Add(new WeakReference(message));
            originals.Add(new WeakReference(payload));
            originals.Add(new WeakReference(arguments));
            originals.Add(new WeakReference(address));
        }

        return [.. originals];
    }
}
