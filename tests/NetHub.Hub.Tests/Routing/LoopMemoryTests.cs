using NetHub.Hub.Routing;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Tests.Routing;

public sealed class LoopMemoryTests
{
    private const long Window = 1_000;

    private static ulong Fingerprint(string address, float value) =>
        LoopMemory.Fingerprint(MessageOf(address, value));

    private static HubMessage MessageOf(string address, float value) =>
        HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("stage", "td", null), address, new OscPayload([OscArgument.Float32(value)]));

    [Fact]
    public void AnEqualMessage_ComesBackAsReturned_WithEveryEndpointItWentOutOf()
    {
        var memory = new LoopMemory(64);
        memory.Remember(LoopMemory.AddressHash("/mixer/ch/3/gain"), Fingerprint("/mixer/ch/3/gain", -12f), 0b01, timestamp: 100);
        memory.Remember(LoopMemory.AddressHash("/mixer/ch/3/gain"), Fingerprint("/mixer/ch/3/gain", -12f), 0b10, timestamp: 200);

        // A new instance with the same address and arguments, as a device echoing it would produce.
        Assert.Equal(0b11UL, memory.ReturnedTo(Fingerprint("/mixer/ch/3/gain", -12f), now: 300, Window));
    }

    [Fact]
    public void ADifferentValueOrAddress_IsNews()
    {
        var memory = new LoopMemory(64);
        memory.Remember(LoopMemory.AddressHash("/mixer/ch/3/gain"), Fingerprint("/mixer/ch/3/gain", -12f), 1, timestamp: 100);

        Assert.Equal(0UL, memory.ReturnedTo(Fingerprint("/mixer/ch/3/gain", -11f), now: 150, Window));
        Assert.Equal(0UL, memory.ReturnedTo(Fingerprint("/mixer/ch/4/gain", -12f), now: 150, Window));
    }

    [Fact]
    public void AfterTheWindow_TheSameMessageIsNews()
    {
        var memory = new LoopMemory(64);
        memory.Remember(LoopMemory.AddressHash("/cue/go"), Fingerprint("/cue/go", 1f), 1, timestamp: 100);

        Assert.Equal(1UL, memory.ReturnedTo(Fingerprint("/cue/go", 1f), now: 100 + Window, Window));
        Assert.Equal(0UL, memory.ReturnedTo(Fingerprint("/cue/go", 1f), now: 101 + Window, Window));
    }

    [Fact]
    public void AFullTable_ForgetsSomeMessages_ButNeverTakesANewOneForAReturningOne()
    {
        var memory = new LoopMemory(16);
        for (int i = 0; i < 10_000; i++)
        {
            memory.Remember(LoopMemory.AddressHash($"/fader/{i % 100}"), Fingerprint($"/fader/{i % 100}", i), 1, timestamp: i);
        }

        // Nothing with these values was ever sent: whatever the slots hold, none may match.
        for (int i = 0; i < 10_000; i++)
        {
            Assert.Equal(0UL, memory.ReturnedTo(Fingerprint($"/fader/{i % 100}", -1 - i), now: 10_000, long.MaxValue));
        }

        // The last message sent is still remembered.
        Assert.Equal(1UL, memory.ReturnedTo(Fingerprint("/fader/99", 9_999), now: 10_000, Window));
    }

    [Fact]
    public void TextMessages_CompareByText()
    {
        var memory = new LoopMemory(64);
        ulong Text(string text) => LoopMemory.Fingerprint(HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("stage", "lights", null), "/", new TextPayload(text)));
        memory.Remember(LoopMemory.AddressHash("/"), Text("GO 12"), 4, timestamp: 0);

        Assert.Equal(4UL, memory.ReturnedTo(Text("GO 12"), now: 1, Window));
        Assert.Equal(0UL, memory.ReturnedTo(Text("GO 13"), now: 1, Window));
    }

    [Fact]
    public void TextAndJson_WithTheSameCharacters_AreDifferentMessages()
    {
        var memory = new LoopMemory(64);
        var source = new MessageSource("stage", "lights", null);
        memory.Remember(LoopMemory.AddressHash("/"), LoopMemory.Fingerprint(HubMessage.Create(DateTimeOffset.UnixEpoch, source, "/", new TextPayload("42"))), 4, timestamp: 0);

        using var json = System.Text.Json.JsonDocument.Parse("42");
        Assert.Equal(0UL, memory.ReturnedTo(LoopMemory.Fingerprint(HubMessage.Create(DateTimeOffset.UnixEpoch, source, "/", new JsonPayload(json.RootElement))), now: 1, Window));
        Assert.Equal(4UL, memory.ReturnedTo(LoopMemory.Fingerprint(HubMessage.Create(DateTimeOffset.UnixEpoch, source, "/", new TextPayload("42"))), now: 1, Window));
    }

    [Fact]
    public void AnAddressNothingWentTo_WithinTheWindow_CannotSeeAReturn()
    {
        var memory = new LoopMemory(64);
        ulong gain = LoopMemory.AddressHash("/mixer/ch/3/gain");
        Assert.False(memory.MaySeeReturn(gain, now: 0, Window));
        Assert.False(memory.MaySeeReturn(gain, now: long.MaxValue / 2, Window));

        memory.Remember(gain, Fingerprint("/mixer/ch/3/gain", -12f), 1, timestamp: 100);

        Assert.True(memory.MaySeeReturn(gain, now: 100 + Window, Window));
        Assert.False(memory.MaySeeReturn(gain, now: 101 + Window, Window));
    }

    [Fact]
    public void WheneverAMessageIsTakenForAReturningOne_ItsAddressMaySeeAReturn()
    {
        // Random traffic over more addresses than there are buckets: a shared bucket may say "maybe", never "no"
        // where the table would answer with endpoints.
        var random = new Random(4);
        var memory = new LoopMemory(4096);
        int returns = 0;
        for (int i = 0; i < 40_000; i++)
        {
            string address = $"/a/{random.Next(2_000)}";
            float value = random.Next(2);
            if (random.Next(2) == 0)
            {
                memory.Remember(LoopMemory.AddressHash(address), Fingerprint(address, value), 1UL << random.Next(4), timestamp: i);
            }
            else if (memory.ReturnedTo(Fingerprint(address, value), now: i, Window) != 0)
            {
                returns++;
                Assert.True(memory.MaySeeReturn(LoopMemory.AddressHash(address), now: i, Window), $"{address} {value} at {i}");
            }
        }

        Assert.InRange(returns, 1_000, 20_000);
    }

    [Fact]
    public void OneFloatToOneAddress_NeverCollides_AcrossEveryValueOfAFader()
    {
        // Every 16-bit step of a fader's float: all fingerprints differ (each step of the fingerprint is a bijection).
        var seen = new HashSet<ulong>();
        for (int i = 0; i <= ushort.MaxValue; i++)
        {
            Assert.True(seen.Add(Fingerprint("/mixer/ch/3/gain", i / 65535f)), $"value {i} collided");
        }
    }

    [Fact]
    public void ANotedMessage_IsRememberedAtTheCommit_AsGoneOutThen()
    {
        var memory = new LoopMemory(64);
        ulong gain = LoopMemory.AddressHash("/mixer/ch/3/gain");
        memory.Note(gain, Fingerprint("/mixer/ch/3/gain", -12f), 0b01);
        memory.Note(gain, Fingerprint("/mixer/ch/3/gain", -12f), 0b10);

        // Not sent yet: nothing can be coming back.
        Assert.Equal(2, memory.NotedCount);
        Assert.Equal(0UL, memory.ReturnedTo(Fingerprint("/mixer/ch/3/gain", -12f), now: 100, Window));
        Assert.False(memory.MaySeeReturn(gain, now: 100, Window));

        memory.Commit(timestamp: 500);

        Assert.Equal(0, memory.NotedCount);
        Assert.True(memory.MaySeeReturn(gain, now: 500 + Window, Window));
        Assert.Equal(0b11UL, memory.ReturnedTo(Fingerprint("/mixer/ch/3/gain", -12f), now: 500 + Window, Window));
        Assert.Equal(0UL, memory.ReturnedTo(Fingerprint("/mixer/ch/3/gain", -12f), now: 501 + Window, Window));
    }

    [Fact]
    public void ACommit_TakesEveryNote_HoweverManyARunMade_AndOnlyOnce()
    {
        var memory = new LoopMemory(4096);
        for (int i = 0; i < 1_000; i++)
        {
            memory.Note(LoopMemory.AddressHash($"/fader/{i}"), Fingerprint($"/fader/{i}", i), 1);
        }

        memory.Commit(timestamp: 10);
        memory.Commit(timestamp: 10 + (2 * Window));

        // The second commit had nothing to remember: the first one's time stands.
        int found = 0;
        for (int i = 0; i < 1_000; i++)
        {
            found += memory.ReturnedTo(Fingerprint($"/fader/{i}", i), now: 10 + Window, Window) == 1 ? 1 : 0;
        }

        // A table of 4,096 slots keeps nearly all of 1,000 different messages (a shared slot keeps the later one).
        Assert.InRange(found, 850, 1_000);
        Assert.Equal(0UL, memory.ReturnedTo(Fingerprint("/fader/7", 7), now: 11 + Window, Window));
    }
}
