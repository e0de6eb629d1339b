using Microsoft.Extensions.Logging;

namespace NetHub.TestKit.Tests;

public sealed class LogCaptureTests
{
    [Fact]
    public void Verify_ReportsUnexpectedErrorsButNotWarnings()
    {
        var logs = new LogCapture();
        ILogger log = logs.CreateLogger("show");
        log.LogWarning("fader out of range");
        log.LogError("projector unreachable");

        string problem = Assert.Single(logs.Verify());
        Assert.Contains("projector unreachable", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectErrors_AcceptsMatchingErrors()
    {
        var logs = new LogCapture();
        logs.ExpectErrors(e => e.Message.Contains("projector", StringComparison.Ordinal));
        logs.CreateLogger("show").LogError("projector unreachable");
        Assert.Empty(logs.Verify());
    }

    [Fact]
    public void DeadLetters_AreProblemsUnlessExpected()
    {
        var logs = new LogCapture();
        logs.RecordDeadLetter("lost cue");
        Assert.Single(logs.Verify());
        logs.ExpectDeadLetters(m => m is "lost cue");
        Assert.Empty(logs.Verify());
    }
}
