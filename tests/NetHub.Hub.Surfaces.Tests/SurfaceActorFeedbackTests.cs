using NetHub.Osc;
using Xunit.Abstractions;

namespace NetHub.Hub.Surfaces.Tests;

public sealed class SurfaceActorFeedbackTests(ITestOutputHelper output) : SurfaceTestKit(output)
{
    private const string Fader = """{ type = fader, address = "/1/fader1", targets = [ { target = "td:/mixer/master", range = [-60, 6] } ] }""";

    private static Dictionary<ValueTarget, IReadOnlyList<OscArgument>> Values(params (string Target, OscArgument Value)[] values) =>
        values.ToDictionary(v => T(v.Target), v => (IReadOnlyList<OscArgument>)[v.Value]);

    private void Connect(string peer = Tablet, Dictionary<ValueTarget, IReadOnlyList<OscArgument>>? values = null)
    {
        InputFrom(peer, "/1");
        Router.ExpectMsg<GetValues>();
        Surface.Tell(Snapshot(values), Router.Ref);
    }

    [Fact]
    public void ValueChanged_IsSentToTheControlMappedBack()
    {
        Start(Fader);
        Connect();

        Changed("td:/mixer/master", -27f);

        ExpectFeedback("/1/fader1", Tablet, 0.5f);
    }

    [Fact]
    public void AControlWithAFeedbackAddress_GetsItsFeedbackThere_WithItsIdsFilledIn()
    {
        Start("""
            { type = fader, number = 1, feedback-address = "/1/label1", targets = [ { target = "td:/mixer/master", range = [-60, 6] } ] }
            { type = multi-fader, number = 1, count = 2, feedback-address = "/1/led{1}", targets = [ { target = "td:/ch/{1}/gain" } ] }
            """);
        Connect();

        Changed("td:/mixer/master", -27f);
        ExpectFeedback("/1/label1", Tablet, 0.5f);
        Changed("td:/ch/2/gain", 0.25f);
        ExpectFeedback("/1/led2", Tablet, 0.25f);

        // Input still comes on the control's own address.
        Input("/1/multifader1/1", 0.75f);
        ExpectSet("td:/ch/1/gain", 0.75f);
    }

    [Fact]
    public void ValueChanged_OutOfRange_IsClampedOnTheControl()
    {
        Start(Fader);
        Connect();

        Changed("td:/mixer/master", 12f);

        ExpectFeedback("/1/fader1", Tablet, 1f);
    }

    [Fact]
    public void TheSurfacesOwnChange_IsNotEchoed()
    {
        Start(Fader, "touch-timeout = 0s");
        Connect();
        Input("/1/fader1", 0.5f);
        ExpectSet("td:/mixer/master", -27f);

        Changed("td:/mixer/master", -27f, origin: "surface tablet");

        Router.ExpectNoMsg();
    }

    [Fact]
    public void Appearance_SendsEveryControlItsCurrentValue()
    {
        Start("""
            { type = fader, address = "/1/fader1", targets = [ { target = "td:/mixer/master", range = [-60, 6] } ] }
            { type = xy, address = "/1/xy1", x = [ { target = "td:/cam/tx", range = [-10, 10] } ], y = [ { target = "td:/cam/tz", range = [-10, 10] } ] }
            { type = multi-fader, address = "/1/multifader1", count = 2, targets = [ { target = "td:/ch/{1}" } ] }
            { type = label, address = "/1/label1", format = "{0:0.0} dB", targets = [ { target = "td:/mixer/master" } ] }
            { type = toggle, address = "/1/toggle1", targets = [ { target = "td:/fx/bypass" } ] }
            """);

        Connect(values: Values(("td:/mixer/master", OscArgument.Float32(6)), ("td:/cam/tx", OscArgument.Float32(-5)), ("td:/cam/tz", OscArgument.Float32(5)), ("td:/ch/2", OscArgument.Float32(0.25f)), ("td:/fx/bypass", OscArgument.Int32(1))));

        ExpectFeedback("/1/fader1", Tablet, 1f);
        ExpectFeedback("/1/xy1", Tablet, 0.25f, 0.75f);
        ExpectFeedback("/1/multifader1/2", Tablet, 0.25f);
        SendTo label = Router.ExpectMsg<SendTo>(s => s.Message.Address == "/1/label1");
        Assert.Equal("6.0 dB", Arguments(label)[0].AsString());
        ExpectFeedback("/1/toggle1", Tablet, 1f);
        Router.ExpectNoMsg();
    }

    [Fact]
    public void Appearance_ByAMove_ShowsTheMove_NotTheRoutersOlderValue()
    {
        Start("""
            { type = fader, address = "/1/fader1", targets = [ { target = "td:/mixer/master", range = [-60, 6] } ] }
            { type = label, address = "/1/label1", format = "{0:0.0} dB", targets = [ { target = "td:/mixer/master" } ] }
            """);

        // The tablet's first message moves the fader; the router answers the surface's question before it takes the move.
        InputFrom(Tablet, "/1/fader1", 0.5f);
        Router.ExpectMsg<GetValues>();
        ExpectSet("td:/mixer/master", -27f);
        Assert.Equal("-27.0 dB", Arguments(Router.ExpectMsg<SendTo>(s => s.Message.Address == "/1/label1"))[0].AsString());
        Surface.Tell(Snapshot(Values(("td:/mixer/master", OscArgument.Float32(-60)))), Router.Ref);

        Assert.Equal("-27.0 dB", Arguments(Router.ExpectMsg<SendTo>(s => s.Message.Address == "/1/label1"))[0].AsString());
        Router.ExpectNoMsg();
        Clock.Advance(TimeSpan.FromMilliseconds(300));
        Router.ExpectNoMsg();
        Assert.Equal(0.5, Status().Controls[0].Values[0]);
    }

    [Fact]
    public void APeerSilentPastPeerTimeout_AppearsAgain()
    {
        Start(Fader, "peer-timeout = 10s");
        Connect(values: Values(("td:/mixer/master", OscArgument.Float32(6))));
        ExpectFeedback("/1/fader1", Tablet, 1f);

        Clock.Advance(TimeSpan.FromSeconds(5));
        InputFrom(Tablet, "/1");
        Router.ExpectNoMsg();

        Clock.Advance(TimeSpan.FromSeconds(10));
        Changed("td:/mixer/master", -60f);
        Router.ExpectNoMsg();
        Connect(values: Values(("td:/mixer/master", OscArgument.Float32(-60))));
        ExpectFeedback("/1/fader1", Tablet, 0f);
    }

    [Fact]
    public void TouchMessages_HoldFeedbackWhileTouched_AndSendTheLatestOnRelease()
    {
        Start(Fader);
        Connect();
        Input("/1/fader1/z", 1);
        Input("/1/fader1", 0.5f);
        ExpectSet("td:/mixer/master", -27f);

        Changed("td:/mixer/master", -60f);
        Changed("td:/mixer/master", 6f);
        Router.ExpectNoMsg();
        Assert.True(Status().Controls.Single().Touched);

        Input("/1/fader1/z", 0);
        ExpectFeedback("/1/fader1", Tablet, 1f);
        Router.ExpectNoMsg();
    }

    [Fact]
    public void Release_SendsNothing_WhenTheHeldValueIsWhatThePersonLeft()
    {
        Start(Fader);
        Connect();
        Input("/1/fader1/z", 1);
        Input("/1/fader1", 0.5f);
        ExpectSet("td:/mixer/master", -27f);

        Changed("td:/mixer/master", -60f);
        Changed("td:/mixer/master", -27f);
        Input("/1/fader1/z", 0);

        Router.ExpectNoMsg();
    }

    [Fact]
    public void WithoutTouchMessages_AControlCountsAsTouchedForTouchTimeout()
    {
        Start(Fader);
        Connect();
        Input("/1/fader1", 0.5f);
        ExpectSet("td:/mixer/master", -27f);

        Changed("td:/mixer/master", 6f);
        Assert.True(Status().Controls.Single().Touched);
        Router.ExpectNoMsg();

        Clock.Advance(TimeSpan.FromMilliseconds(300));
        ExpectFeedback("/1/fader1", Tablet, 1f);
        Assert.False(Status().Controls.Single().Touched);

        Changed("td:/mixer/master", -60f);
        ExpectFeedback("/1/fader1", Tablet, 0f);
    }

    [Fact]
    public void FeedbackPeers_GoesToEveryLivePeer_AndAMoveIsShownToTheOtherPeers()
    {
        Start(Fader, "touch-timeout = 0s");
        Connect("10.0.0.20:9000");
        Connect("10.0.0.21:9000");

        Changed("td:/mixer/master", 6f);
        ExpectFeedback("/1/fader1", "10.0.0.20:9000", 1f);
        ExpectFeedback("/1/fader1", "10.0.0.21:9000", 1f);

        InputFrom("10.0.0.21:9000", "/1/fader1", 0f);
        ExpectSet("td:/mixer/master", -60f);
        ExpectFeedback("/1/fader1", "10.0.0.20:9000", 0f);
        Router.ExpectNoMsg();
    }

    [Fact]
    public void FeedbackRemote_GoesToTheEndpointsOwnDestination()
    {
        Start(Fader, "feedback = remote");
        Connect();

        Changed("td:/mixer/master", 6f);

        SendTo sent = ExpectFeedback("/1/fader1", null, 1f);
        Assert.Equal(Lane.LatestValue, sent.Lane);
        Assert.Equal("surface tablet", sent.Message.Source.Endpoint);
    }

    [Fact]
    public void FeedbackOff_SendsNothing()
    {
        Start(Fader, "feedback = off");
        InputFrom(Tablet, "/1");

        Changed("td:/mixer/master", 6f);

        Router.ExpectNoMsg();
        Assert.Equal(1, Status().Controls.Single().Values[0]);
    }

    [Fact]
    public void TwoControlsOnOneTarget_FollowEachOther()
    {
        Start("""
            { type = fader, address = "/1/fader1", targets = [ { target = "td:/mixer/master", range = [-60, 6] } ] }
            { type = rotary, address = "/2/rotary1", targets = [ { target = "td:/mixer/master", range = [-60, 6] } ] }
            """);
        Connect();

        Input("/1/fader1", 1f);

        ExpectSet("td:/mixer/master", 6f);
        ExpectFeedback("/2/rotary1", Tablet, 1f);
    }

    [Fact]
    public void Status_ReportsControlsPeersAndCounters()
    {
        Start("""{ type = multi-fader, address = "/1/multifader1", count = 2, targets = [ { target = "td:/ch/{1}" } ] }""");
        Connect();
        Input("/1/multifader1/2", 0.5f);
        ExpectSet("td:/ch/2", 0.5f);

        SurfaceStatus status = Status();

        Assert.Equal("tablet", status.Name);
        Assert.Equal(["/1/multifader1/1", "/1/multifader1/2"], status.Controls.Select(c => c.Address));
        Assert.Equal([null, 0.5], status.Controls.Select(c => c.Values[0]));
        Assert.Equal([false, true], status.Controls.Select(c => c.Touched));
        Assert.Equal([Tablet], status.Peers);
        Assert.Equal(2, status.Inputs);
    }
}
