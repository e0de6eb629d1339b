using NetHub.Osc;
using static NetHub.Hub.Transforms.Tests.Chains;

namespace NetHub.Hub.Transforms.Tests;

public sealed class SmoothTests
{
    private const double Precision = 9;

    private static double Step(TransformChain chain, TransformState state, double x, double atMs) =>
        Number(chain.Apply(state, new TransformInput([OscArgument.Float64(x)]), At(atMs)));

    [Fact]
    public void Lag_ApproachesExponentiallyWithItsTimeConstant()
    {
        TransformChain chain = Parse("[{ type = smooth, method = lag, time = 100ms }]");
        TransformState state = chain.CreateState();

        Assert.Equal(0, Step(chain, state, 0, 0));
        Assert.Equal(1 - Math.Exp(-1), Step(chain, state, 1, 100), Precision);
        Assert.Equal(1 - Math.Exp(-2), Step(chain, state, 1, 200), Precision);
    }

    [Fact]
    public void Lag_UsesRealElapsedTime_SoTwoHalfStepsEqualOneWholeStep()
    {
        TransformChain chain = Parse("[{ type = smooth, method = lag, time = 100ms }]");
        TransformState fast = chain.CreateState();
        TransformState slow = chain.CreateState();
        Step(chain, fast, 0, 0);
        Step(chain, slow, 0, 0);

        Step(chain, fast, 1, 30);
        double fastResult = Step(chain, fast, 1, 100);
        double slowResult = Step(chain, slow, 1, 100);

        Assert.Equal(slowResult, fastResult, Precision);
        Assert.Equal(1 - Math.Exp(-1), fastResult, Precision);
    }

    [Fact]
    public void Lag_NoTimeElapsed_RepeatsTheLastOutput()
    {
        TransformChain chain = Parse("[{ type = smooth, method = lag, time = 1s }]");
        TransformState state = chain.CreateState();
        Step(chain, state, 0.5, 0);

        Assert.Equal(0.5, Step(chain, state, 1, 0), Precision);
    }

    [Fact]
    public void Lag_SmoothsEachArgumentOnItsOwn()
    {
        TransformChain chain = Parse("[{ type = smooth, method = lag, time = 100ms }]");
        TransformState state = chain.CreateState();
        chain.Apply(state, new TransformInput([OscArgument.Float64(0), OscArgument.Float64(10)]), At(0));

        TransformResult result = chain.Apply(state, new TransformInput([OscArgument.Float64(1), OscArgument.Float64(10)]), At(100));

        Assert.Equal(1 - Math.Exp(-1), result.Arguments[0].AsFloat64(), Precision);
        Assert.Equal(10, result.Arguments[1].AsFloat64(), Precision);
    }

    [Fact]
    public void OneEuro_WithoutBeta_IsALowPassAtMinCutoff()
    {
        TransformChain chain = Parse("[{ type = smooth, method = one-euro, min-cutoff = 1, beta = 0 }]");
        TransformState state = chain.CreateState();

        Assert.Equal(0, Step(chain, state, 0, 0));

        // alpha = r / (r + 1), r = 2 pi * 1 Hz * 0.1 s
        Assert.Equal(0.38586954509503757, Step(chain, state, 1, 100), Precision);
    }

    [Fact]
    public void OneEuro_WithBeta_FollowsFastMovesCloser()
    {
        TransformChain chain = Parse("[{ type = smooth, method = one-euro, min-cutoff = 1, beta = 1, d-cutoff = 1 }]");
        TransformState state = chain.CreateState();
        Step(chain, state, 0, 0);

        // speed 10/s low-passed at d-cutoff to 3.8587, so the cutoff rises to 4.8587 Hz.
        Assert.Equal(0.7532575181149229, Step(chain, state, 1, 100), Precision);
        Assert.Equal(0.9335909750997666, Step(chain, state, 1, 200), Precision);
    }

    [Fact]
    public void Smooth_ClockThatWentBackwards_RestartsFromTheValue()
    {
        TransformChain chain = Parse("[{ type = smooth, method = lag, time = 100ms }]");
        TransformState state = chain.CreateState();
        Step(chain, state, 0, 1000);

        Assert.Equal(1, Step(chain, state, 1, 500), Precision);
    }

    [Fact]
    public void Smooth_IntArgument_KeepsFullPrecisionInsideAndSendsRounded()
    {
        TransformChain chain = Parse("[{ type = smooth, method = lag, time = 100ms }]");
        TransformState state = chain.CreateState();
        chain.Apply(state, new TransformInput([OscArgument.Int32(0)]), At(0));

        Assert.Equal(OscArgument.Int32(63), Single(chain.Apply(state, new TransformInput([OscArgument.Int32(100)]), At(100))));
        Assert.Equal(OscArgument.Int32(86), Single(chain.Apply(state, new TransformInput([OscArgument.Int32(100)]), At(200))));
    }

    [Fact]
    public void WithoutSettle_NothingIsPendingAfterAMove()
    {
        TransformChain chain = Parse("[{ type = smooth, method = lag, time = 100ms }]");
        TransformState state = chain.CreateState();
        Step(chain, state, 0, 0);
        Step(chain, state, 1, 100);

        Assert.Null(state.PendingDueAt);
    }

    [Fact]
    public void Settle_KeepsSteppingTowardsTheLastInputAfterTheMessagesStop()
    {
        TransformChain chain = Parse("[{ type = smooth, method = lag, time = 100ms, settle = 20ms }]");
        TransformState state = chain.CreateState();
        Step(chain, state, 0, 0);
        Assert.Null(state.PendingDueAt);
        Step(chain, state, 1, 100);
        Assert.Equal(At(120), state.PendingDueAt);

        Assert.Equal(1 - Math.Exp(-1.2), Number(chain.Flush(state, At(120))), Precision);
        Assert.Equal(At(140), state.PendingDueAt);

        double last = 0;
        int flushes = 0;
        while (state.PendingDueAt is { } due && flushes < 200)
        {
            last = Number(chain.Flush(state, due));
            flushes++;
        }

        Assert.Null(state.PendingDueAt);
        Assert.InRange(flushes, 50, 100);
        Assert.Equal(1, last, 5);
    }

    [Fact]
    public void Settle_ANewMessage_MovesTheNextStep()
    {
        TransformChain chain = Parse("[{ type = smooth, method = one-euro, settle = 20ms }]");
        TransformState state = chain.CreateState();
        Step(chain, state, 0, 0);
        Step(chain, state, 1, 100);

        Step(chain, state, 1, 110);

        Assert.Equal(At(130), state.PendingDueAt);
        Assert.Equal(TransformOutcome.Defer, chain.Flush(state, At(120)).Outcome);
    }

    [Fact]
    public void Settle_StepRunsTheLaterStagesAndKeepsTheOtherArguments()
    {
        TransformChain chain = Parse("[{ type = smooth, method = lag, time = 100ms, settle = 20ms, args = [0] }, { type = scale, offset = 10, args = [0] }]");
        TransformState state = chain.CreateState();
        chain.Apply(state, new TransformInput([OscArgument.Float64(0), OscArgument.String("ch")]), At(0));
        chain.Apply(state, new TransformInput([OscArgument.Float64(1), OscArgument.String("ch")]), At(100));

        TransformResult step = chain.Flush(state, At(120));

        Assert.Equal(TransformOutcome.Emit, step.Outcome);
        Assert.Equal(11 - Math.Exp(-1.2), step.Arguments[0].AsFloat64(), Precision);
        Assert.Equal(OscArgument.String("ch"), step.Arguments[1]);
    }
}
