using NetHub.Actors;
using NetHub.Configuration;
using NetHub.TestKit;

namespace NetHub.Actors.Tests;

public sealed class ActorSettingsTests
{
    [Fact]
    public void Reference_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(ActorSettings.Reference, ActorSettings.Section, ActorSettings.FromConfig);

    [Fact]
    public void Defaults_AreAsDocumented()
    {
        ActorSettings s = ActorSettings.Default;
        Assert.Equal(TimeSpan.FromSeconds(10), s.ShutdownTimeout);
        Assert.Equal(GuardianStrategy.Default, s.GuardianSupervisorStrategy);
        Assert.Equal(DispatcherType.ThreadPool, s.Dispatchers["default"].Type);
        Assert.Equal(DispatcherType.Dedicated, s.Dispatchers["infrastructure"].Type);
        Assert.Null(s.Mailboxes["default"].Capacity);
        Assert.Equal(MailboxFullMode.DropOldest, s.Mailboxes["latest-value"].FullMode);
        Assert.Equal(MailboxFullMode.Wait, s.Mailboxes["reliable"].FullMode);
    }

    [Fact]
    public void Overrides_AreApplied()
    {
        Config config = Config.Parse("nethub.actors { shutdown-timeout = 3s, mailboxes.faders { capacity = 16, full-mode = drop-newest, push-timeout = 0s } }")
            .WithFallback(ActorSettings.Reference).Resolve();
        ActorSettings s = ActorSettings.FromConfig(config);
        Assert.Equal(TimeSpan.FromSeconds(3), s.ShutdownTimeout);
        Assert.Equal(16, s.Mailboxes["faders"].Capacity);
        Assert.Equal(MailboxFullMode.DropNewest, s.Mailboxes["faders"].FullMode);
    }

    [Theory]
    [InlineData("nethub.actors.dispatchers.default.type = fast", "thread-pool or dedicated")]
    [InlineData("nethub.actors.mailboxes.default.full-mode = overflow", "wait, drop-oldest or drop-newest")]
    [InlineData("nethub.actors.stash-capacity = 0", "at least 1")]
    [InlineData("nethub.actors.guardian-supervisor-strategy = resume", "default or stopping")]
    [InlineData("nethub.actors.dispatchers.x { type = dedicated, threads = 0, throughput = 1 }", "at least 1 thread")]
    public void BadValues_AreRefusedWithFileLineAndKey(string line, string expected)
    {
        Config config = Config.Parse("\n\n" + line, "show.conf").WithFallback(ActorSettings.Reference).Resolve();
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => ActorSettings.FromConfig(config));
        Assert.Contains("show.conf:3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.actors.", ex.Message, StringComparison.Ordinal);
    }
}
