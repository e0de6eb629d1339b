using System.Globalization;

namespace NetHub.TestKit;

/// <summary>
/// Wall-clock allowances for waiting on other threads, scaled by NETHUB_TEST_TIME_FACTOR (default 1)
/// so a slow CI machine can be given more room without touching tests.
/// </summary>
public static class TestTime
{
    public static double Factor { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("NETHUB_TEST_TIME_FACTOR"), NumberStyles.Float, CultureInfo.InvariantCulture, out double f) && f > 0
            ? f
            : 1.0;

    /// <summary>How long an expectation waits for something that should happen.</summary>
    public static TimeSpan DefaultTimeout => Dilated(TimeSpan.FromSeconds(5));

    /// <summary>How long <c>ExpectNoMsg</c> watches for something that should not happen.</summary>
    public static TimeSpan DefaultNoMessageWindow => Dilated(TimeSpan.FromMilliseconds(150));

    public static TimeSpan Dilated(TimeSpan span) => TimeSpan.FromTicks((long)(span.Ticks * Factor));
}
