using NetHub.Osc;
using static NetHub.Hub.Transforms.Tests.Chains;

namespace NetHub.Hub.Transforms.Tests;

public sealed class RateLimitTests
{
    private static TransformResult Send(TransformChain chain, TransformState state, float x, double atMs) =>
        chain.Apply(state, new TransformInput([OscArgument.Float32(x)]), At(atMs));

    [Fact]
    public void FirstValue_PassesAtOnce()
    {
        TransformChain chain = Parse("[{ type = rate-limit, max-rate = 10 }]");

        Assert.Equal(OscArgument.Float32(0.1f), Single(Send(chain, chain.CreateState(), 0.1f, 0)));
    }

    [Fact]
    public void ThreeValuesWithinTheWindow_CoalesceIntoOneEmitOfTheLastAtDueAt()
    {
        TransformChain chain = Parse("[{ type = rate-limit, max-rate = 10 }]");
        TransformState state = chain.CreateState();
        Send(chain, state, 0.0f, 0);

        TransformResult first = Send(chain, state, 0.1f, 10);
        TransformResult second = Send(chain, state, 0.2f, 20);
        TransformResult third = Send(chain, state, 0.3f, 30);

        foreach (TransformResult held in (TransformResult[])[first, second, third])
        {
            Assert.Equal(TransformOutcome.Defer, held.Outcome);
            Assert.Equal(At(100), held.DueAt);
            Assert.Empty(held.Arguments);
        }

        Assert.Equal(At(100), state.PendingDueAt);
        Assert.Equal(OscArgument.Float32(0.3f), Single(chain.Flush(state, At(100))));
        Assert.Null(state.PendingDueAt);
        TransformResult again = chain.Flush(state, At(100));
        Assert.Equal(TransformOutcome.Drop, again.Outcome);
        Assert.StartsWith("nothing held", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterAFlush_TheNextIntervalCountsFromTheFlush()
    {
        TransformChain chain = Parse("[{ type = rate-limit, max-rate = 10 }]");
        TransformState state = chain.CreateState();
        Send(chain, state, 0, 0);
        Send(chain, state, 1, 50);
        chain.Flush(state, At(120));

        TransformResult next = Send(chain, state, 2, 150);

        Assert.Equal(TransformOutcome.Defer, next.Outcome);
        Assert.Equal(At(220), next.DueAt);
    }

    [Fact]
    public void ValueAfterTheInterval_PassesAtOnce()
    {
        TransformChain chain = Parse("[{ type = rate-limit, max-rate = 10 }]");
        TransformState state = chain.CreateState();
        Send(chain, state, 0, 0);

        Assert.Equal(TransformOutcome.Emit, Send(chain, state, 1, 100).Outcome);
        Assert.Equal(TransformOutcome.Defer, Send(chain, state, 2, 199.9).Outcome);
    }

    [Fact]
    public void FlushCalledEarly_DefersAgainWithTheSameDueAt()
    {
        TransformChain chain = Parse("[{ type = rate-limit, max-rate = 10 }]");
        TransformState state = chain.CreateState();
        Send(chain, state, 0, 0);
        Send(chain, state, 1, 10);

        TransformResult early = chain.Flush(state, At(50));

        Assert.Equal(TransformOutcome.Defer, early.Outcome);
        Assert.Equal(At(100), early.DueAt);
        Assert.Equal(OscArgument.Float32(1), Single(chain.Flush(state, At(100))));
    }

    [Fact]
    public void NewValueAfterAMissedFlush_GoesAtOnceAndReplacesTheHeldOne()
    {
        TransformChain chain = Parse("[{ type = rate-limit, max-rate = 10 }]");
        TransformState state = chain.CreateState();
        Send(chain, state, 0, 0);
        Send(chain, state, 1, 10);

        Assert.Equal(OscArgument.Float32(2), Single(Send(chain, state, 2, 150)));
        Assert.Null(state.PendingDueAt);
        Assert.Equal(TransformOutcome.Drop, chain.Flush(state, At(150)).Outcome);
    }

    [Fact]
    public void Flush_RunsOnlyTheStagesAfterTheRateLimit()
    {
        TransformChain chain = Parse("[{ type = scale, factor = 2 }, { type = rate-limit, max-rate = 10 }, { type = scale, offset = 1 }]");
        TransformState state = chain.CreateState();
        Assert.Equal(OscArgument.Float32(3), Single(Send(chain, state, 1, 0)));

        Assert.Equal(TransformOutcome.Defer, Send(chain, state, 5, 10).Outcome);

        Assert.Equal(OscArgument.Float32(11), Single(chain.Flush(state, At(100))));
    }

    [Fact]
    public void Flush_LaterStagesSeeTheHeldMessagesCaptures()
    {
        TransformChain chain = Parse("[{ type = rate-limit, max-rate = 10 }, { type = template, args = [\"layer{n}\", \"$0\"] }]");
        TransformState state = chain.CreateState();
        var captures = new Dictionary<string, string> { ["n"] = "1" };
        chain.Apply(state, new TransformInput([OscArgument.Float32(0)], "/fader/1", captures), At(0));
        chain.Apply(state, new TransformInput([OscArgument.Float32(0.5f)], "/fader/2", new Dictionary<string, string> { ["n"] = "2" }), At(10));

        TransformResult flushed = chain.Flush(state, At(100));

        Assert.Equal([OscArgument.String("layer2"), OscArgument.Float32(0.5f)], flushed.Arguments);
    }

    [Fact]
    public void TwoRateLimits_FlushReleasesTheEarlierAndTheLaterHoldsItsOwn()
    {
        TransformChain chain = Parse("[{ type = rate-limit, max-rate = 10 }, { type = rate-limit, max-rate = 2 }]");
        TransformState state = chain.CreateState();
        Assert.Equal(TransformOutcome.Emit, Send(chain, state, 0, 0).Outcome);
        Assert.Equal(At(100), Send(chain, state, 1, 10).DueAt);

        TransformResult flushed = chain.Flush(state, At(100));

        Assert.Equal(TransformOutcome.Defer, flushed.Outcome);
        Assert.Equal(At(500), flushed.DueAt);
        Assert.Equal(At(500), state.PendingDueAt);
        Assert.Equal(OscArgument.Float32(1), Single(chain.Flush(state, At(500))));
    }

    [Fact]
    public void ClockSteppedBackwards_DoesNotHoldForTheLengthOfTheStep()
    {
        TransformChain chain = Parse("[{ type = rate-limit, max-rate = 10 }]");
        TransformState state = chain.CreateState();
        Send(chain, state, 0, 60_000);

        Assert.Equal(TransformOutcome.Emit, Send(chain, state, 1, 0).Outcome);
    }
}
