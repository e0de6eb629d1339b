using System.Runtime.CompilerServices;
using NetHub.Osc;
using static NetHub.Hub.Transforms.Tests.Chains;

namespace NetHub.Hub.Transforms.Tests;

/// <summary>
/// The fader path allocates at most the output array: counted in bytes on this thread, never timed. Each test warms
/// the chain first so that the JIT and the states' first growth are not counted.
/// </summary>
public sealed class TransformChainAllocationTests
{
    private const int Messages = 1000;

    [Fact]
    public void HeldByARateLimit_AllocatesNothing()
    {
        TransformChain chain = Parse("[{ type = repetition-filter }, { type = rate-limit, max-rate = 1 }, { type = smooth, method = one-euro, args = [0] }]");
        TransformState state = chain.CreateState();
        OscArgument[][] inputs = Inputs();
        Run(chain, state, inputs, 0);

        long bytes = Run(chain, state, inputs, 10);

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void NothingChanged_AllocatesNothing()
    {
        TransformChain chain = Parse("[{ type = scale, factor = 1 }, { type = map, in = [0, 1], out = [0, 1] }, { type = repetition-filter }, { type = rate-limit, max-rate = 100000 }]");
        TransformState state = chain.CreateState();
        OscArgument[][] inputs = Inputs();
        Run(chain, state, inputs, 0);

        long bytes = Run(chain, state, inputs, Messages * 10);

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void ChangedValues_AllocateOnlyTheOutputArray()
    {
        TransformChain chain = Parse("[{ type = map, in = [0, 1], out = [-60, 6] }, { type = curve, shape = exp }, { type = smooth, method = lag, time = 50ms }, { type = step, size = 0.5 }]");
        TransformState state = chain.CreateState();
        OscArgument[][] inputs = Inputs();
        Run(chain, state, inputs, 0);

        long bytes = Run(chain, state, inputs, Messages * 10);

        // One OscArgument[2] per message: the array header and two arguments.
        Assert.InRange(bytes, 1, Messages * (24 + (2 * Unsafe.SizeOf<OscArgument>())));
    }

    [Fact]
    public void ChangedValues_WithAScratchArray_AllocateNothing_AndEmitTheScratchItself()
    {
        TransformChain chain = Parse("[{ type = map, in = [0, 1], out = [-60, 6] }, { type = curve, shape = exp }, { type = step, size = 0.5 }]");
        TransformState state = chain.CreateState();
        OscArgument[][] inputs = Inputs();
        var scratch = new OscArgument[2];
        Run(chain, state, inputs, 0, scratch);

        long bytes = Run(chain, state, inputs, 10, scratch);

        Assert.Equal(0, bytes);
        TransformResult last = chain.Apply(state, new TransformInput(inputs[^1], "/fader/1", TransformInput.NoCaptures), At(0), scratch);
        Assert.Same(scratch, last.Arguments);
        Assert.Equal(OscArgument.String("ch1"), scratch[1]);
    }

    [Fact]
    public void AScratchArrayOfAnotherLength_IsLeftAlone()
    {
        TransformChain chain = Parse("[{ type = map, in = [0, 1], out = [-60, 6] }]");
        var scratch = new OscArgument[1];

        TransformResult result = chain.Apply(chain.CreateState(), new TransformInput([OscArgument.Float32(1f), OscArgument.Float32(0f)], "/xy", TransformInput.NoCaptures), At(0), scratch);

        Assert.NotSame(scratch, result.Arguments);
        Assert.Equal([OscArgument.Float32(6f), OscArgument.Float32(-60f)], result.Arguments);
        Assert.Equal(default, scratch[0]);
    }

    [Fact]
    public void NothingChanged_WithAScratchArray_EmitsTheInputList()
    {
        TransformChain chain = Parse("[{ type = map, in = [0, 1], out = [0, 1] }]");
        OscArgument[] input = [OscArgument.Float32(0.5f)];

        TransformResult result = chain.Apply(chain.CreateState(), new TransformInput(input, "/f", TransformInput.NoCaptures), At(0), new OscArgument[1]);

        Assert.Same(input, result.Arguments);
    }

    [Fact]
    public void TryApplyNumeric_WritesChangedValuesIntoTheCallersArray_AndAllocatesNothing()
    {
        TransformChain chain = Parse("[{ type = map, in = [0, 1], out = [-60, 6] }, { type = curve, shape = exp }, { type = step, size = 0.5 }]");
        OscArgument[][] inputs = Inputs();
        var scratch = new OscArgument[2];
        foreach (OscArgument[] input in inputs)
        {
            chain.TryApplyNumeric(input, scratch, out _);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Messages * 10; i++)
        {
            chain.TryApplyNumeric(inputs[i % Messages], scratch, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        foreach (OscArgument[] input in inputs)
        {
            TransformResult expected = chain.Apply(chain.CreateState(), new TransformInput(input), At(0));
            Assert.True(chain.TryApplyNumeric(input, scratch, out bool changed));
            Assert.Equal(expected.Arguments, changed ? scratch : input);
        }
    }

    [Fact]
    public void TryApplyNumeric_LeavesTheArrayAlone_WhenNothingChanges_OrItCannotRun()
    {
        OscArgument[] input = [OscArgument.Float32(0.5f), OscArgument.String("ch1")];
        var scratch = new OscArgument[2];

        Assert.True(Parse("[{ type = map, in = [0, 1], out = [0, 1] }]").TryApplyNumeric(input, scratch, out bool changed));
        Assert.False(changed);
        Assert.False(Parse("[{ type = map, in = [0, 1], out = [0, 1] }]").TryApplyNumeric(input, new OscArgument[1], out _));
        Assert.False(Parse("[{ type = scale, factor = 1e300 }]").TryApplyNumeric(input, scratch, out _));
        TransformChain stateful = Parse("[{ type = smooth, method = lag, time = 50ms }]");
        Assert.False(stateful.IsNumeric);
        Assert.False(stateful.TryApplyNumeric(input, scratch, out _));
        Assert.Equal([default, default], scratch);
    }

    private static OscArgument[][] Inputs()
    {
        var inputs = new OscArgument[Messages][];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = [OscArgument.Float32(i / (float)Messages), OscArgument.String("ch1")];
        }

        return inputs;
    }

    private static long Run(TransformChain chain, TransformState state, OscArgument[][] inputs, double startMs, OscArgument[]? scratch = null)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < inputs.Length; i++)
        {
            chain.Apply(state, new TransformInput(inputs[i], "/fader/1", TransformInput.NoCaptures), At(startMs + (i * 0.1)), scratch);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
