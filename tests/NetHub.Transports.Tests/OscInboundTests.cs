using Microsoft.Extensions.Logging;
using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Messages;
using NetHub.Osc;
using Xunit.Abstractions;

namespace NetHub.Transports.Tests;

public sealed class OscInboundTests(ITestOutputHelper output) : EndpointTestKit(output)
{
    private readonly EndpointCounters _counters = new();

    private OscInbound Inbound(string bundles = "", bool deliver = true)
    {
        BundleSettings settings = BundleSettings.FromConfig(Config.Parse($"policy = schedule, max-future = 10s, late-drop = infinite\n{bundles}").Resolve());
        var context = new EndpointContext("stage", deliver ? TestActor.Ref : null, Scheduler);
        return new OscInbound("osc-in", context, settings, OscLimits.Default, _counters, new MessageHistory(10, OscLimits.Default), Logs.CreateLogger("inbound"));
    }

    private DateTimeOffset Now => Clock.GetUtcNow();

    private OscTimeTag In(TimeSpan delay) => OscTimeTag.FromDateTimeOffset(Now + delay);

    private static byte[] Bytes(OscPacket packet) => OscCodec.Encode(packet);

    private static OscBundle Bundle(OscTimeTag tag, params string[] addresses) =>
        new(tag, [.. addresses.Select(a => (OscPacket)new OscMessage(a, OscArgument.Int32(1)))]);

    [Fact]
    public void Message_IsDeliveredWithItsSourceAndReceiveTime()
    {
        Inbound().Process(Bytes(new OscMessage("/cue/go", OscArgument.Int32(5))), "10.0.0.5:53001", Now);

        HubMessage message = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal("/cue/go", message.Address);
        Assert.Equal(new MessageSource("stage", "osc-in", "10.0.0.5:53001"), message.Source);
        Assert.Equal(Now, message.Time);
        Assert.Equal([OscArgument.Int32(5)], Assert.IsType<OscPayload>(message.Payload).Arguments);
        Assert.Null(message.TimeTag);
        Assert.Equal(1, _counters.Snapshot().MessagesIn);
    }

    [Fact]
    public void Message_WithEveryKindOfArgument_IsDeliveredWithTheDecodedArguments()
    {
        var sent = new OscMessage(
            "/every/kind",
            OscArgument.Int32(-7), OscArgument.Float32(0.5f), OscArgument.String("é"), OscArgument.Blob(new byte[] { 1, 2, 3 }),
            OscArgument.Array([OscArgument.Int64(1L << 40), OscArgument.Array([]), OscArgument.Array([OscArgument.Symbol("s")])]),
            OscArgument.True, OscArgument.Nil, OscArgument.Float64(double.NegativeInfinity), OscArgument.Array([]));

        Inbound().Process(Bytes(sent), "peer", Now);

        HubMessage message = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal("/every/kind", message.Address);
        Assert.Equal(sent.Arguments, Assert.IsType<OscPayload>(message.Payload).Arguments);
    }

    [Fact]
    public void MessagesToTheSameAddress_ShareItsString()
    {
        OscInbound inbound = Inbound();
        byte[] fader = Bytes(new OscMessage("/1/fader3", OscArgument.Float32(0.25f)));
        inbound.Process(fader, "peer", Now);
        HubMessage first = TestActor.ExpectMsg<HubMessage>();

        inbound.Process(Bytes(new OscMessage("/1/fader3", OscArgument.Float32(0.5f))), "peer", Now);
        HubMessage second = TestActor.ExpectMsg<HubMessage>();

        Assert.Same(first.Address, second.Address);
        Assert.Equal([OscArgument.Float32(0.5f)], Assert.IsType<OscPayload>(second.Payload).Arguments);
    }

    [Fact]
    public void FutureBundle_IsDeliveredAtItsTime_InPacketOrder()
    {
        OscInbound inbound = Inbound();
        DateTimeOffset due = Now + TimeSpan.FromSeconds(2);
        inbound.Process(Bytes(Bundle(OscTimeTag.FromDateTimeOffset(due), "/a", "/b", "/c")), "peer", Now);
        Assert.Equal(1, inbound.ScheduledCount);

        Clock.Advance(TimeSpan.FromMilliseconds(1990));
        TestActor.ExpectNoMsg();
        Clock.Advance(TimeSpan.FromMilliseconds(10));

        Assert.Equal(["/a", "/b", "/c"], TestActor.ReceiveN(3).Cast<HubMessage>().Select(m => m.Address));
        Assert.Equal(0, inbound.ScheduledCount);
    }

    [Fact]
    public void ImmediateBundle_IsDeliveredAtOnce()
    {
        Inbound().Process(Bytes(Bundle(OscTimeTag.Immediately, "/now")), "peer", Now);
        Assert.Equal("/now", TestActor.ExpectMsg<HubMessage>().Address);
    }

    [Fact]
    public void LateBundle_WithinLateDrop_RunsAtOnce()
    {
        OscInbound inbound = Inbound("late-drop = 100ms");
        inbound.Process(Bytes(Bundle(OscTimeTag.FromDateTimeOffset(Now - TimeSpan.FromMilliseconds(50)), "/slightly-late")), "peer", Now);
        Assert.Equal("/slightly-late", TestActor.ExpectMsg<HubMessage>().Address);
    }

    [Fact]
    public void LateBundle_BeyondLateDrop_IsDroppedCountedAndLogged()
    {
        OscInbound inbound = Inbound("late-drop = 100ms");
        inbound.Process(Bytes(Bundle(OscTimeTag.FromDateTimeOffset(Now - TimeSpan.FromSeconds(1)), "/a", "/b")), "10.0.0.9:4000", Now);

        TestActor.ExpectNoMsg();
        Assert.Equal(2, _counters.Snapshot().DropsByReason["LateBundle"]);
        Assert.True(Logs.Contains(LogLevel.Warning, "a bundle from 10.0.0.9:4000 arrived 1000 ms after its time"));
    }

    [Fact]
    public void BundleTooFarAhead_IsDropped()
    {
        Inbound().Process(Bytes(Bundle(In(TimeSpan.FromMinutes(5)), "/later")), "peer", Now);
        TestActor.ExpectNoMsg();
        Assert.Equal(1, _counters.Snapshot().DropsByReason["BundleTooFarAhead"]);
        Assert.True(Logs.Contains(LogLevel.Warning, "is timed 300 s ahead (max-future is 10 s)"));
    }

    [Fact]
    public void NestedBundle_WithItsOwnLaterTime_IsDeliveredThen()
    {
        var nested = new OscBundle(In(TimeSpan.FromSeconds(2)), new OscMessage("/inner", OscArgument.Int32(2)));
        var outer = new OscBundle(In(TimeSpan.FromSeconds(1)), new OscMessage("/outer", OscArgument.Int32(1)), nested);
        Inbound().Process(Bytes(outer), "peer", Now);

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("/outer", TestActor.ExpectMsg<HubMessage>().Address);
        TestActor.ExpectNoMsg();
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("/inner", TestActor.ExpectMsg<HubMessage>().Address);
    }

    [Fact]
    public void PassThrough_DeliversAtOnceKeepingTheTime()
    {
        OscTimeTag tag = In(TimeSpan.FromSeconds(3));
        Inbound("policy = pass-through").Process(Bytes(Bundle(tag, "/a")), "peer", Now);
        HubMessage message = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal(tag, message.TimeTag);
    }

    [Fact]
    public void Ignore_DeliversAtOnceWithoutTheTime()
    {
        Inbound("policy = ignore").Process(Bytes(Bundle(In(TimeSpan.FromSeconds(3)), "/a")), "peer", Now);
        Assert.Null(TestActor.ExpectMsg<HubMessage>().TimeTag);
    }

    [Fact]
    public void CancelScheduled_DropsWaitingBundles()
    {
        OscInbound inbound = Inbound();
        inbound.Process(Bytes(Bundle(In(TimeSpan.FromSeconds(1)), "/never")), "peer", Now);
        inbound.CancelScheduled();
        Clock.Advance(TimeSpan.FromSeconds(2));
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void WithoutInbound_CountsAndRecordsButDeliversNothing()
    {
        OscInbound inbound = Inbound(deliver: false);
        inbound.Process(Bytes(Bundle(In(TimeSpan.FromSeconds(1)), "/a", "/b")), "peer", Now);
        inbound.Process(Bytes(new OscMessage("/c")), "peer", Now);

        CounterSnapshot counters = _counters.Snapshot();
        Assert.Equal(3, counters.MessagesIn);
        Assert.Equal(1, counters.BundlesIn);
        Assert.Equal(2, counters.PacketsIn);
        Assert.Equal(0, inbound.ScheduledCount);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Malformed_IsCountedByReasonAndLoggedWithPeerAndOffset()
    {
        OscInbound inbound = Inbound();
        byte[] unknownTag = Bytes(new OscMessage("/x", OscArgument.Int32(1)));
        unknownTag[5] = (byte)'x'; // "/x\0\0" then ",i\0\0": the tag is byte 5

        inbound.Process(unknownTag, "10.0.0.7:9999", Now);

        TestActor.ExpectNoMsg();
        Assert.Equal(1, _counters.Snapshot().ErrorsByReason["UnknownTypeTag"]);
        LogEntry_Contains("10.0.0.7:9999", "[UnknownTypeTag]", "byte");
    }

    [Fact]
    public void MalformedFlood_LogsTenPerMinuteAndCountsAll()
    {
        OscInbound inbound = Inbound();
        for (int i = 0; i < 25; i++)
        {
            inbound.Process("junk"u8, "peer", Now);
        }

        Assert.Equal(25, _counters.Snapshot().Errors);
        Assert.Equal(10, Logs.Count(e => e.EventId.Id == 2002));
        Clock.Advance(TimeSpan.FromMinutes(1));
        inbound.Process("junk"u8, "peer", Now);
        Assert.Contains("(15 similar suppressed)", Logs.Entries.Last(e => e.EventId.Id == 2002).Message, StringComparison.Ordinal);
    }

    private void LogEntry_Contains(params string[] fragments) =>
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));
}
