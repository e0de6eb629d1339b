using NetHub.Osc;

namespace NetHub.Messages.Tests;

public sealed class HubMessageTests
{
    [Fact]
    public void Ids_AreUniqueAndIncreasing()
    {
        var source = new MessageSource("node", "osc-in", "10.0.0.5:53001");
        HubMessage a = HubMessage.Create(DateTimeOffset.UnixEpoch, source, "/a", OscPayload.Empty);
        HubMessage b = HubMessage.Create(DateTimeOffset.UnixEpoch, source, "/b", OscPayload.Empty);
        Assert.True(b.Id > a.Id);
    }

    [Fact]
    public void With_KeepsIdentityAndChangesOnePart()
    {
        HubMessage original = HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("n", "e", null), "/fader/1", new OscPayload([OscArgument.Float32(0.5f)]), OscTimeTag.Immediately);
        HubMessage moved = original.WithAddress("/mixer/ch/1/gain");
        Assert.Equal(original.Id, moved.Id);
        Assert.Equal("/mixer/ch/1/gain", moved.Address);
        Assert.Same(original.Payload, moved.Payload);
        Assert.Equal(OscTimeTag.Immediately, moved.TimeTag);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(90, 0UL)]
    [InlineData(-330, 1UL)]
    [InlineData(840, ulong.MaxValue)]
    [InlineData(-720, 0xE875_4700_8000_0000UL)]
    public void TimeAndTimeTag_ReadBackAsGiven(int offsetMinutes, ulong? timeTag)
    {
        var time = new DateTimeOffset(2026, 11, 22, 3, 4, 5, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(1234567);
        OscTimeTag? tag = timeTag is { } value ? new OscTimeTag(value) : null;

        var message = new HubMessage(7, time, new MessageSource("n", "e", null), "/a", OscPayload.Empty, tag);

        Assert.Equal(time, message.Time);
        Assert.Equal(time.Offset, message.Time.Offset);
        Assert.Equal(time.Ticks, message.Time.Ticks);
        Assert.Equal(tag, message.TimeTag);
        Assert.Equal(tag, message.WithAddress("/b").TimeTag);
        Assert.Equal(time, message.WithPayload(OscPayload.Empty).Time);

        var payload = new OscPayload([OscArgument.Float32(-60f)]);
        HubMessage routed = message.With("/mixer/ch/3/gain", payload);
        Assert.Equal((7L, time, time.Offset, tag, message.Source), (routed.Id, routed.Time, routed.Time.Offset, routed.TimeTag, routed.Source));
        Assert.Equal("/mixer/ch/3/gain", routed.Address);
        Assert.Same(payload, routed.Payload);
    }

    [Fact]
    public void With_AnEmptyAddressOrNoPayload_IsRefused()
    {
        HubMessage message = HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("n", "e", null), "/a", OscPayload.Empty);
        Assert.Throws<ArgumentException>("address", () => message.With("", OscPayload.Empty));
        Assert.Throws<ArgumentNullException>("payload", () => message.With("/b", null!));
    }

    [Fact]
    public void Create_WithoutASource_IsRefused() =>
        Assert.Throws<ArgumentNullException>("source", () => HubMessage.Create(DateTimeOffset.UnixEpoch, null!, "/a", OscPayload.Empty));

    [Fact]
    public void Sources_CompareByValue() =>
        Assert.Equal(new MessageSource("n", "e", "10.0.0.5:1"), new MessageSource("n", "e", "10.0.0.5:1"));

    [Fact]
    public void ToString_IsAddressAndPlainArguments() =>
        Assert.Equal("/cue/go 5", HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("n", "e", null), "/cue/go", new OscPayload([OscArgument.Int32(5)])).ToString());

    [Fact]
    public void Source_ToStringNamesNodeEndpointAndPeer() =>
        Assert.Equal("stage/osc-in <- 10.0.0.5:53001", new MessageSource("stage", "osc-in", "10.0.0.5:53001").ToString());

    [Fact]
    public void EmptyAddress_IsRefused() =>
        Assert.Throws<ArgumentException>(() => HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("n", "e", null), string.Empty, OscPayload.Empty));
}
