using NetHub.Configuration;
using NetHub.TestKit;

namespace NetHub.Hub.Surfaces.Tests;

public sealed class SurfaceSettingsTests
{
    [Fact]
    public void SurfaceDefaults_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(SurfaceSettings.Reference, "nethub.surface-defaults", c => SurfaceSettings.FromConfig("defaults", c.GetConfig("nethub.surface-defaults")));

    [Fact]
    public void NoSurfaces_ByDefault() => Assert.Empty(SurfaceSettings.ReadAll(Config.Parse("nethub.endpoints {}").GetConfig("nethub")));

    [Fact]
    public void Surface_ReadsItsSettingsOverTheDefaults()
    {
        SurfaceSettings s = SurfaceTestKit.Read(
            """{ type = fader, address = "/1/fader1", targets = [ { target = "td:/mixer/master", range = [-60, 6] } ] }""",
            "endpoint = ipad, feedback = remote, touch-timeout = 500ms, control-defaults.pulse-time = 250ms");

        Assert.Equal("tablet", s.Name);
        Assert.Equal("surface tablet", s.Origin);
        Assert.Equal("ipad", s.Endpoint);
        Assert.Equal(FeedbackMode.Remote, s.Feedback);
        Assert.Equal(TimeSpan.FromMilliseconds(500), s.TouchTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), s.PeerTimeout);
        ControlSettings fader = Assert.Single(s.Controls);
        Assert.Equal(ControlType.Fader, fader.Type);
        Assert.Equal(new ValueRange(-60, 6), Assert.Single(fader.Targets).Range);
        Assert.Equal(ValueRange.Unit, fader.Options.ControlRange);
        Assert.Equal(TimeSpan.FromMilliseconds(250), fader.Options.PulseTime);
    }

    [Fact]
    public void Endpoint_DefaultsToTheSurfaceName() =>
        Assert.Equal("tablet", SurfaceTestKit.Read("""{ type = push, address = "/1/push1", action = go }""").Endpoint);

    [Fact]
    public void Targets_ListEveryMappedTargetWithIdsFilledIn()
    {
        SurfaceSettings s = SurfaceTestKit.Read("""
            { type = multi-fader, address = "/1/multifader1", count = 3, targets = [ { target = "td:/mixer/ch/{1}/gain" } ] }
            { type = xy, address = "/1/xy1", x = [ { target = "td:/cam/tx" } ], y = [ { target = "td:/cam/tz" } ] }
            { type = label, address = "/1/label1", targets = [ { target = "td:/cam/tx" } ] }
            { type = push, address = "/1/push*", action = go }
            """);

        Assert.Equal(
            ["td:/mixer/ch/1/gain", "td:/mixer/ch/2/gain", "td:/mixer/ch/3/gain", "td:/cam/tx", "td:/cam/tz"],
            s.Targets.Select(t => t.ToString()));
        Assert.Equal("/1/multifader1/*", s.Controls[0].Address);
    }

    [Fact]
    public void Ids_FillEachWildcardPart()
    {
        ControlSettings c = Assert.Single(SurfaceTestKit.Read("""
            { type = toggle, address = "/2/multitoggle1/*/*", ids = ["1/1", "1/2"], targets = [ { target = "lights:/row/{1}/col/{2}" } ] }
            """).Controls);

        Assert.Equal(["/2/multitoggle1/1/1", "/2/multitoggle1/1/2"], c.Instances().Select(i => i.Address));
        Assert.Equal(["lights:/row/1/col/1", "lights:/row/1/col/2"], c.ValueTargets().Select(t => t.ToString()));
    }

    [Fact]
    public void WithoutAnAddress_ANumberGivesTouchOscsDefaultAddress_OnPage1UnlessAnotherIsGiven()
    {
        SurfaceSettings s = SurfaceTestKit.Read("""
            { type = fader, number = 2, targets = [ { target = "td:/a" } ] }
            { type = rotary, number = 1, page = 3, targets = [ { target = "td:/b" } ] }
            { type = encoder, number = 4, targets = [ { target = "td:/c" } ] }
            { type = push, number = 1, action = go }
            { type = toggle, number = 12, targets = [ { target = "td:/d" } ] }
            { type = xy, number = 1, x = [ { target = "td:/x" } ], y = [ { target = "td:/y" } ] }
            { type = multi-fader, number = 1, page = 2, count = 3, targets = [ { target = "td:/ch/{1}" } ] }
            { type = label, number = 1, targets = [ { target = "td:/a" } ] }
            """);

        Assert.Equal(
            ["/1/fader2", "/3/rotary1", "/1/encoder4", "/1/push1", "/1/toggle12", "/1/xy1", "/2/multifader1/*", "/1/label1"],
            s.Controls.Select(c => c.Address));
        Assert.Equal(["/2/multifader1/1", "/2/multifader1/2", "/2/multifader1/3"], s.Controls[6].Instances().Select(i => i.Address));
        Assert.All(s.Controls, c => Assert.Null(c.FeedbackAddress));
    }

    [Theory]
    [InlineData("""{ type = slider, address = "/1/fader1" }""", "fader, rotary, encoder, push, toggle, xy, multi-fader or label")]
    [InlineData("""{ type = fader, address = "/1/fader1", number = 1, targets = [ { target = "td:/x" } ] }""", "either address, or number (and page)")]
    [InlineData("""{ type = fader, number = 0, targets = [ { target = "td:/x" } ] }""", "number")]
    [InlineData("""{ type = fader, number = 1, page = 100, targets = [ { target = "td:/x" } ] }""", "page")]
    [InlineData("""{ type = fader, number = 1, feedback-address = "fader", targets = [ { target = "td:/x" } ] }""", "an OSC address such as \"/1/label1\"")]
    [InlineData("""{ type = multi-fader, number = 1, count = 2, feedback-address = "/led{2}", targets = [ { target = "td:/x/{1}" } ] }""", "at most {1}")]
    [InlineData("""{ address = "/1/fader1" }""", "a control type")]
    [InlineData("""{ type = fader }""", "the OSC address the control sends, e.g. \"/1/fader1\", or number = 1 (and page = 1)")]
    [InlineData("""{ type = fader, address = "/1/fader[1" }""", "an OSC address or address pattern")]
    [InlineData("""{ type = fader, address = "/1/fader1" }""", "would do nothing")]
    [InlineData("""{ type = fader, address = "/1/fader1", targets = [ { target = "/mixer/master" } ] }""", "endpoint:/address")]
    [InlineData("""{ type = fader, address = "/1/fader1", targets = [ { target = "td:/x", range = [1, 1] } ] }""", "two different numbers")]
    [InlineData("""{ type = fader, address = "/1/fader1", targets = [ { target = "td:/x", range = [0, "loud"] } ] }""", "two different numbers")]
    [InlineData("""{ type = fader, address = "/1/fader1", targets = [ { target = "td:/x", rnage = [0, 1] } ] }""", "a target setting (target, range)")]
    [InlineData("""{ type = fader, address = "/1/fader*", targets = [ { target = "td:/x/{1}" } ] }""", "ids = [ ... ] or count = N")]
    [InlineData("""{ type = fader, address = "/1/fader1", targets = [ { target = "td:/x/{1}" } ] }""", "the control's address has 0 wildcard part(s)")]
    [InlineData("""{ type = multi-fader, address = "/1/multifader1", targets = [ { target = "td:/x/{1}" } ] }""", "ids = [ ... ] or count = N")]
    [InlineData("""{ type = fader, address = "/1/fader*", ids = ["a/b"], targets = [ { target = "td:/x" } ] }""", "ids that fill the 1 wildcard part(s)")]
    [InlineData("""{ type = fader, address = "/1/fader1", targets = [ { target = "td:/x" } ], action = go }""", "commands fire on a press")]
    [InlineData("""{ type = toggle, address = "/1/toggle1", targets = [ { target = "td:/x" } ], action = pulse }""", "need a push button")]
    [InlineData("""{ type = push, address = "/1/push1", action = scene }""", "the name of the scene to recall")]
    [InlineData("""{ type = push, address = "/1/push1", action = goto }""", "the number of the cue")]
    [InlineData("""{ type = push, address = "/1/push1", action = jump }""", "set, pulse, toggle, scene, go, back, goto or panic")]
    [InlineData("""{ type = xy, address = "/1/xy1", targets = [ { target = "td:/x" } ] }""", "x and y target lists")]
    [InlineData("""{ type = fader, address = "/1/fader1", x = [ { target = "td:/x" } ] }""", "only an xy pad has x and y")]
    [InlineData("""{ type = label, address = "/1/label1" }""", "the target the label shows")]
    [InlineData("""{ type = label, address = "/1/label1", targets = [ { target = "td:/x" } ], format = "{0:0.0" }""", "composite format")]
    [InlineData("""{ type = fader, address = "/1/fader1", targets = [ { target = "td:/x" } ], step = 0 }""", "a number from")]
    [InlineData("""{ type = fader, address = "/1/fader1", tragets = [ { target = "td:/x" } ] }""", "a control setting (type, address")]
    public void BadControl_IsRefusedWithFileLineColumnAndTheExpectation(string control, string expected)
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => SurfaceTestKit.Read(control));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"show.conf:4:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.surfaces.tablet.controls[0]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feedback = loud", "peers, remote or off")]
    [InlineData("peer-timeout = 0s", "a duration above zero")]
    [InlineData("touch-timeout = 5m", "from 0 (no hold) to 1m")]
    [InlineData("endpoint = \"my tablet\"", "the name of an endpoint")]
    [InlineData("feeback = off", "an unknown key")]
    [InlineData("control-defaults.control-range = [0]", "a range [low, high]")]
    [InlineData("control-defaults.encoder-mode = absolute", "centered or signed")]
    public void BadSurfaceSetting_IsRefusedWithItsKey(string setting, string expected)
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => SurfaceTestKit.Read(string.Empty, setting));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("show.conf:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.surfaces.tablet", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadSurfaceName_IsRefused()
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => SurfaceSettings.ReadAll(Config.Parse("nethub.surfaces { \"my tablet\" { } }", "show.conf").GetConfig("nethub")));
        Assert.Contains("letters, digits", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, -60.0)]
    [InlineData(1.0, 6.0)]
    [InlineData(0.5, -27.0)]
    [InlineData(2.0, 6.0)]
    [InlineData(-1.0, -60.0)]
    public void ValueRange_MapsLinearlyAndClamps(double control, double target) =>
        Assert.Equal(target, new ValueRange(-60, 6).MapFrom(ValueRange.Unit, control), 9);

    [Fact]
    public void ValueRange_InvertedRangeMapsBackToTheSameControlValue()
    {
        var inverted = new ValueRange(1, 0);
        Assert.Equal(0.75, inverted.MapFrom(ValueRange.Unit, 0.25), 9);
        Assert.Equal(0.25, ValueRange.Unit.MapFrom(inverted, 0.75), 9);
    }
}
