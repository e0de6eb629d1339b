namespace NetHub.Configuration.Tests;

public sealed partial class ConfigTests
{
    [Theory]
    [InlineData("100ns", 1)]
    [InlineData("100 nano", 1)]
    [InlineData("100nanos", 1)]
    [InlineData("100 nanosecond", 1)]
    [InlineData("100 nanoseconds", 1)]
    [InlineData("3us", 30)]
    [InlineData("3 micro", 30)]
    [InlineData("3micros", 30)]
    [InlineData("3 microsecond", 30)]
    [InlineData("3 microseconds", 30)]
    [InlineData("7ms", 70_000)]
    [InlineData("7 milli", 70_000)]
    [InlineData("7 millis", 70_000)]
    [InlineData("7 millisecond", 70_000)]
    [InlineData("7 milliseconds", 70_000)]
    [InlineData("2s", 20_000_000)]
    [InlineData("2 second", 20_000_000)]
    [InlineData("2 seconds", 20_000_000)]
    [InlineData("1.5s", 15_000_000)]
    [InlineData("2m", 1_200_000_000)]
    [InlineData("2 minute", 1_200_000_000)]
    [InlineData("2 minutes", 1_200_000_000)]
    [InlineData("1h", 36_000_000_000)]
    [InlineData("1 hour", 36_000_000_000)]
    [InlineData("1 hours", 36_000_000_000)]
    [InlineData("1d", 864_000_000_000)]
    [InlineData("1 day", 864_000_000_000)]
    [InlineData("1 days", 864_000_000_000)]
    [InlineData("250", 2_500_000)]
    [InlineData("0.5", 5_000)]
    [InlineData("\"  42  \"", 420_000)]
    [InlineData("1e3", 10_000_000)]
    public void GetDuration_EveryUnit_Converts(string value, long ticks)
    {
        Assert.Equal(TimeSpan.FromTicks(ticks), Hocon.Resolve("t = " + value).GetDuration("t"));
    }

    [Fact]
    public void GetDuration_Infinite_IsInfiniteTimeSpan()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, Hocon.Resolve("t = infinite").GetDuration("t"));
    }

    [Fact]
    public void GetDuration_Negative_NeedsAllowNegative()
    {
        Config config = Hocon.Resolve("t = -5s");

        var error = Assert.Throws<ConfigValueException>(() => config.GetDuration("t"));
        Assert.Equal("test.conf:1:5: t: expected a duration such as 500ms, 2s, 1.5m or infinite, got string \"-5s\" (a negative duration is not allowed here)", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(-5), config.GetDuration("t", allowNegative: true));
    }

    [Theory]
    [InlineData("5 sec", "got string \"5 sec\" (unknown unit \"sec\"; units are ns, us, ms, s, m, h and d)")]
    [InlineData("5S", "got string \"5S\" (unknown unit \"S\"; units are ns, us, ms, s, m, h and d)")]
    [InlineData("soon", "got string \"soon\" (it does not start with a number)")]
    [InlineData("99999999999999999999 d", "got string \"99999999999999999999 d\" (it is too large)")]
    [InlineData("1e400", "got number 1e400 (it is too large)")]
    [InlineData("true", "got boolean true (only a number or a string can be read this way)")]
    [InlineData("[1]", "got array (it is not a single value)")]
    public void GetDuration_BadValue_IsErrorWithPositionAndKey(string value, string got)
    {
        Config config = Hocon.Resolve("nethub {\n  actors.ask-timeout = " + value + "\n}");

        var error = Assert.Throws<ConfigValueException>(() => config.GetConfig("nethub.actors").GetDuration("ask-timeout"));

        Assert.Equal("test.conf:2:24: nethub.actors.ask-timeout: expected a duration such as 500ms, 2s, 1.5m or infinite, " + got, error.Message);
    }

    [Theory]
    [InlineData("512", 512)]
    [InlineData("10B", 10)]
    [InlineData("10b", 10)]
    [InlineData("10 byte", 10)]
    [InlineData("10 bytes", 10)]
    [InlineData("2kB", 2_000)]
    [InlineData("2 kilobyte", 2_000)]
    [InlineData("2 kilobytes", 2_000)]
    [InlineData("2KiB", 2_048)]
    [InlineData("2K", 2_048)]
    [InlineData("2k", 2_048)]
    [InlineData("2Ki", 2_048)]
    [InlineData("2 kibibyte", 2_048)]
    [InlineData("2 kibibytes", 2_048)]
    [InlineData("1.5 KiB", 1_536)]
    [InlineData("3MB", 3_000_000)]
    [InlineData("3 megabytes", 3_000_000)]
    [InlineData("3MiB", 3_145_728)]
    [InlineData("3M", 3_145_728)]
    [InlineData("3m", 3_145_728)]
    [InlineData("3Mi", 3_145_728)]
    [InlineData("3 mebibytes", 3_145_728)]
    [InlineData("4GB", 4_000_000_000)]
    [InlineData("4 gigabytes", 4_000_000_000)]
    [InlineData("4GiB", 4_294_967_296)]
    [InlineData("4G", 4_294_967_296)]
    [InlineData("4g", 4_294_967_296)]
    [InlineData("4Gi", 4_294_967_296)]
    [InlineData("4 gibibytes", 4_294_967_296)]
    [InlineData("1TB", 1_000_000_000_000)]
    [InlineData("1TiB", 1_099_511_627_776)]
    [InlineData("1 PiB", 1_125_899_906_842_624)]
    [InlineData("7EiB", 8_070_450_532_247_928_832)]
    public void GetBytes_EveryUnit_Converts(string value, long bytes)
    {
        Assert.Equal(bytes, Hocon.Resolve("s = " + value).GetBytes("s"));
    }

    [Theory]
    [InlineData("8EiB", "it is too large")]
    [InlineData("1ZB", "it is too large")]
    [InlineData("-1kB", "a negative size is not allowed")]
    [InlineData("12 apples", "unknown unit \"apples\"; units are B, kB, KiB, MB, MiB, GB, GiB, TB, TiB and so on")]
    public void GetBytes_BadValue_IsError(string value, string detail)
    {
        var error = Assert.Throws<ConfigValueException>(() => Hocon.Resolve("s = " + value).GetBytes("s"));

        Assert.Equal($"test.conf:1:5: s: expected a size such as 512, 64KiB or 10MB, got string {ConfigPath.Quote(value)} ({detail})", error.Message);
    }
}
