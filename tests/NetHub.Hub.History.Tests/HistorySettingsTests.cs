using NetHub.Configuration;
using NetHub.TestKit;

namespace NetHub.Hub.History.Tests;

public sealed class HistorySettingsTests
{
    private static HistorySettings Read(string text) =>
        HistorySettings.FromConfig(Config.Parse(text, "show.conf").WithFallback(HistorySettings.Reference).Resolve().GetConfig("nethub"));

    [Fact]
    public void Reference_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(HistorySettings.Reference, HistorySettings.Section, c => HistorySettings.FromConfig(c.GetConfig("nethub")));

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        HistorySettings settings = HistorySettings.Default;
        Assert.Equal(10_000, settings.Size);
        Assert.Equal(32L * 1024 * 1024, settings.MaxBytes);
        Assert.Equal(2000, settings.MaxAddresses);
        Assert.Equal(1000, settings.MaxPeers);
        Assert.Equal(200, settings.MaxErrorReasons);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.PeerInactiveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.PeerCheckInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.StreamGap);
    }

    [Fact]
    public void Overrides_AreRead()
    {
        HistorySettings settings = Read("nethub.history { size = 500, max-bytes = 1 MiB, peer-inactive-timeout = 5s, stream-gap = 500ms }");
        Assert.Equal(500, settings.Size);
        Assert.Equal(1024L * 1024, settings.MaxBytes);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.PeerInactiveTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.StreamGap);
    }

    [Theory]
    [InlineData("size = 0", "nethub.history.size", "a whole number from 1")]
    [InlineData("max-bytes = 10", "nethub.history.max-bytes", "a size of at least 1024 bytes")]
    [InlineData("max-peers = -1", "nethub.history.max-peers", "a whole number from 1")]
    [InlineData("peer-inactive-timeout = 0s", "nethub.history.peer-inactive-timeout", "a duration above zero")]
    [InlineData("peer-inactive-timeout = 2s, peer-check-interval = 5s", "nethub.history.peer-check-interval", "at most peer-inactive-timeout")]
    [InlineData("stream-gap = soon", "nethub.history.stream-gap", "")]
    public void BadValue_IsRefusedWithItsLocationAndKey(string setting, string key, string expected)
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read($"nethub.history {{\n  {setting}\n}}"));
        Assert.Contains("show.conf:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
