using Microsoft.Extensions.Logging;
using NetHub.Configuration;
using NetHub.TestKit;

namespace NetHub.Node.Tests;

public sealed class NodeSettingsTests
{
    [Fact]
    public void Reference_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(NodeSettings.Reference, NodeSettings.Section, NodeSettings.FromConfig);

    [Fact]
    public void Defaults_AreAsDocumented()
    {
        NodeSettings s = NodeSettings.FromConfig(NodeSettings.Reference.Resolve());
        Assert.Equal(Environment.MachineName, s.Name);
        Assert.Equal("nethub", s.SystemName);
        Assert.Equal(LogLevel.Information, s.LogLevel);
        Assert.Equal(LogFormat.Simple, s.LogFormat);
        Assert.Equal(TimeSpan.FromSeconds(5), s.StopTimeout);
    }

    [Theory]
    [InlineData("system-name = \"my show\"", "letters, digits and '-'")]
    [InlineData("log-format = xml", "simple or json")]
    [InlineData("stop-timeout = 0s", "above zero")]
    public void BadValues_AreRefused(string line, string expected)
    {
        Config config = Config.Parse($"nethub.node {{\n  {line}\n}}", "node.conf").WithFallback(NodeSettings.Reference).Resolve();
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => NodeSettings.FromConfig(config));
        Assert.Contains("node.conf:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
