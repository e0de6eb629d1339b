using NetHub.Configuration;
using NetHub.Node.Control;
using NetHub.TestKit;

namespace NetHub.Node.Tests;

public sealed class ControlSettingsTests
{
    private static readonly ConfigResolveOptions NoEnvironment = new() { Environment = _ => null };

    private static ControlSettings Read(string body) =>
        ControlSettings.FromConfig(Config.Parse($"nethub.control {{\n  {body}\n}}", "show.conf").WithFallback(NodeSettings.Reference).Resolve(NoEnvironment));

    [Fact]
    public void Reference_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(NodeSettings.Reference, ControlSettings.Section, ControlSettings.FromConfig);

    [Fact]
    public void Defaults_AreLoopback7400_NoToken_AndAreWhatTheNodeReads()
    {
        ControlSettings s = ControlSettings.FromConfig(NodeSettings.Reference.Resolve(NoEnvironment));

        Assert.Equal(ControlSettings.Default, s);
        Assert.True(s.Enabled);
        Assert.Equal("127.0.0.1:7400", s.Bind);
        Assert.True(s.IsLoopback);
        Assert.False(s.RequiresToken);
        Assert.Equal(TimeSpan.FromSeconds(5), s.AskTimeout);
    }

    [Theory]
    [InlineData("bind = \"[::1]:7400\"")]
    [InlineData("bind = \"localhost:7400\"")]
    [InlineData("bind = \"127.0.0.2:7400\"")]
    [InlineData("bind = \"0.0.0.0:7400\", token = abc")]
    [InlineData("bind = \":7400\", enabled = off")]
    public void LoopbackOrTokenOrOff_IsAccepted(string body) => Read(body);

    [Theory]
    [InlineData("bind = \"0.0.0.0:7400\"")]
    [InlineData("bind = \":7400\"")]
    [InlineData("bind = \"10.0.0.5:7400\"")]
    [InlineData("bind = \"stage-pc.local:7400\"")]
    public void NotLoopback_WithoutToken_IsRefusedNamingFileLineAndKey(string body)
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read(body));

        Assert.Contains("show.conf:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.control.bind", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unless nethub.control.token is set: anyone on the network could fire cues", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bind to \"127.0.0.1:7400\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotLoopback_WithoutToken_IsRefusedWhenTheNodeConfigurationLoads()
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => NodeConfiguration.Load([], ["nethub.control.bind = \"0.0.0.0:7400\""]));

        Assert.Contains("--set #1:1:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.control.bind", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bind = \"7400\"", "host:port")]
    [InlineData("bind = \"127.0.0.1:99999\"", "host:port")]
    [InlineData("token = \" padded \"", "without spaces at either end")]
    [InlineData("ask-timeout = 0s", "above zero")]
    public void BadValues_AreRefused(string body, string expected)
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read(body));

        Assert.Contains("show.conf:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheToken()
    {
        ControlSettings s = Read("bind = \":7400\", token = hunter2");

        Assert.True(s.RequiresToken);
        Assert.DoesNotContain("hunter2", s.ToString(), StringComparison.Ordinal);
    }
}
