using NetHub.Configuration;
using Xunit.Sdk;

namespace NetHub.TestKit.Tests;

public sealed class SettingsContractTests
{
    private sealed record GoodSettings(TimeSpan ShutdownTimeout, int LogMax);

    private sealed record MissingKeySettings(TimeSpan ShutdownTimeout, int LogMax, bool Verbose);

    private static readonly Config Reference = Config.Parse("demo { shutdown-timeout = 1s, log-max = 3 }");

    [Fact]
    public void Passes_WhenKeysAndSettingsAgree() =>
        SettingsContract.Verify(Reference, "demo", c => new GoodSettings(c.GetDuration("demo.shutdown-timeout"), c.GetInt("demo.log-max")));

    [Fact]
    public void Fails_WhenAReferenceKeyIsNeverRead()
    {
        var ex = Assert.Throws<XunitException>(() =>
            SettingsContract.Verify(Reference, "demo", c => new GoodSettings(c.GetDuration("demo.shutdown-timeout"), 3)));
        Assert.Contains("reference key demo.log-max is never read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_WhenASettingHasNoKey()
    {
        var ex = Assert.Throws<XunitException>(() =>
            SettingsContract.Verify(Reference, "demo", c => new MissingKeySettings(c.GetDuration("demo.shutdown-timeout"), c.GetInt("demo.log-max"), false)));
        Assert.Contains("MissingKeySettings.Verbose has no key demo.verbose", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ShutdownTimeout", "shutdown-timeout")]
    [InlineData("LogMax", "log-max")]
    [InlineData("IPAddress", "ip-address")]
    [InlineData("Port", "port")]
    public void Kebab_ConvertsPascalCase(string name, string expected) => Assert.Equal(expected, SettingsContract.Kebab(name));
}
