using Microsoft.Extensions.Logging;
using NetHub.Osc;
using Xunit.Abstractions;

namespace NetHub.Hub.Tests.Routing;

/// <summary>
/// An emergency stop's first step (<see cref="DropHeldValues"/>): nothing a route held to send later leaves after it,
/// and the routes' transforms start afresh.
/// </summary>
public sealed class RouterHeldValuesTests(ITestOutputHelper output) : RouterTestKit(output)
{
    [Fact]
    public void ARateLimitsHeldValue_IsDropped_AndTheNextValueStartsAfresh()
    {
        StartRouter("""
            nethub.routes.slow { address = "/x", to = [td], transforms = [{ type = rate-limit, max-rate = 10 }] }
            """, ["in", "td"]);
        Router.Tell(Inbound("in", "/x", OscArgument.Int32(1)));
        Assert.Equal(1, Args(ExpectSend("td")).Single().AsInt32());
        Router.Tell(Inbound("in", "/x", OscArgument.Int32(2)));
        AwaitCondition(() => Counters().Coalesced == 1);

        Router.Tell(new DropHeldValues("panic by test"));
        Router.Tell(Inbound("in", "/x", OscArgument.Int32(3)));

        // 3 goes at once: the limit starts afresh (it would otherwise be held until 100 ms after 1). 2 never goes.
        Assert.Equal(3, Args(ExpectSend("td")).Single().AsInt32());
        Clock.Advance(TimeSpan.FromMilliseconds(100));
        Endpoints["td"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 3014 && e.Level == LogLevel.Information
            && e.Message.StartsWith("Emergency stop (panic by test): the router dropped 1 value(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void ASmootherStillSettling_StopsStepping()
    {
        StartRouter("""
            nethub.routes.soft { address = "/x", to = [td], transforms = [{ type = smooth, method = lag, time = 100ms, settle = 20ms }] }
            """, ["in", "td"]);
        Router.Tell(Inbound("in", "/x", OscArgument.Float32(0)));
        Assert.Equal(0f, Args(ExpectSend("td")).Single().AsFloat32());
        Clock.Advance(TimeSpan.FromMilliseconds(100));
        Router.Tell(Inbound("in", "/x", OscArgument.Float32(1)));
        Assert.Equal(1 - Math.Exp(-1), Args(ExpectSend("td")).Single().AsFloat32(), 1e-6);

        // Without the stop, a step towards 1 would go every 20 ms until it arrives.
        Router.Tell(new DropHeldValues("panic by test"));
        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 3014));
        for (int i = 0; i < 10; i++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        Endpoints["td"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void ValuesWaitingOnTheLatestValueLane_AreDropped()
    {
        StartRouter("""nethub.routes.f { address = "/f", to = [td], lane = latest-value }""", ["tablet", "td"]);

        // The three are handled in one run, so their lane's flush comes after the stop in the router's mailbox.
        using (NetHub.Actors.InlineRuns.Scope runs = NetHub.Actors.InlineRuns.Begin())
        {
            Router.Tell(Inbound("tablet", "/f", OscArgument.Float32(0.5f)));
            Router.Tell(new DropHeldValues("panic by test"));
        }

        Endpoints["td"].ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Router.Tell(Inbound("tablet", "/f", OscArgument.Float32(0.25f)));
        Assert.Equal(0.25f, Args(ExpectSend("td")).Single().AsFloat32());
    }
}
