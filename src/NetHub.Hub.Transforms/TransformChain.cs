using NetHub.Configuration;
using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// The transforms a route runs on a message's arguments before sending it on, in the order written: range
/// mapping, curves, smoothing, rate limits, filters, type conversions, templates. Immutable and shareable; what a
/// chain remembers between messages lives in a <see cref="TransformState"/> per stream. Built from HOCON by
/// <see cref="Parse"/>, which refuses any mistake with its file, line, column and key. Running it never throws
/// on message data: wrong types, NaN or missing arguments come back as Drop with the reason in words.
/// </summary>
public sealed class TransformChain
{
    /// <summary>Most transforms one route may list; more is a configuration mistake, not a show.</summary>
    public const int MaxStages = 64;

    private const string NothingHeld = "nothing held: no rate limit of this chain holds a value and no smoother is settling";

    private readonly TransformStage[] _stages;
    private readonly string _description;

    /// <summary>
    /// The stages again when every one is a stateless numeric stage over all arguments (map, scale, curve, invert,
    /// step: what most fader routes run), else null. Such a chain runs on plain numbers (<see cref="TryRunNumeric"/>).
    /// </summary>
    private readonly NumericStage[]? _numeric;

    internal TransformChain(TransformStage[] stages)
    {
        _stages = stages;
        _numeric = stages.Length > 0 && stages.All(s => s is NumericStage { AllArguments: true } n && n.CreateState() is null)
            ? [.. stages.Cast<NumericStage>()]
            : null;
        UsesTime = stages.Any(s => s is RateLimitStage or SmoothStage);
        _description = stages.Length == 0 ? "none" : string.Join(" | ", (IEnumerable<TransformStage>)stages);
    }

    /// <summary>A chain that sends every message on as it came.</summary>
    public static TransformChain Empty { get; } = new([]);

    public int Count => _stages.Length;

    /// <summary>Whether a stage (a template) reads the route's captures, so the route must compute them for each message.</summary>
    public bool UsesCaptures => _stages.Any(s => s is TemplateStage);

    /// <summary>
    /// Whether a stage (smoothing, a rate limit) reads the time passed to <see cref="Apply(TransformState, TransformInput, DateTimeOffset)"/> and <see cref="Flush"/>;
    /// when not, the caller may pass any time and skip reading the clock for each message.
    /// </summary>
    public bool UsesTime { get; private init; }

    /// <summary>
    /// Reads the list of transform objects at <paramref name="path"/> (e.g. <c>transforms</c>); a missing key or
    /// null is the empty chain. Every mistake throws a <see cref="ConfigException"/> naming file:line:column, the
    /// key and what was expected. The keys of each transform are in docs/transforms.md.
    /// </summary>
    public static TransformChain Parse(Config config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(path);
        if (!config.HasPath(path))
        {
            return Empty;
        }

        if (!config.IsList(path))
        {
            throw config.Error(path, "a list of transforms such as [{ type = map, in = [0, 1], out = [0, 127] }]");
        }

        IReadOnlyList<Config> items = config.GetConfigList(path);
        if (items.Count > MaxStages)
        {
            throw config.Error(path, $"at most {MaxStages} transforms", $"{items.Count}");
        }

        var stages = new TransformStage[items.Count];
        for (int i = 0; i < stages.Length; i++)
        {
            stages[i] = TransformParser.ParseStage(items[i]);
        }

        return stages.Length == 0 ? Empty : new TransformChain(stages);
    }

    /// <summary>One line for logs and status, e.g. <c>map [0,1]-&gt;[-60,6] clamp | rate-limit 30/s</c>.</summary>
    public override string ToString() => _description;

    public TransformState CreateState()
    {
        var states = new object?[_stages.Length];
        for (int i = 0; i < states.Length; i++)
        {
            states[i] = _stages[i].CreateState();
        }

        return new TransformState(this, states);
    }

    /// <summary>
    /// Runs the chain on one message at <paramref name="now"/> (the time smoothing and rate limits measure by).
    /// Emit carries the arguments to send (the input list itself when nothing changed); Drop the reason; Defer the
    /// instant to call <see cref="Flush"/>. Allocates at most the output array.
    /// </summary>
    public TransformResult Apply(TransformState state, TransformInput input, DateTimeOffset now) => Apply(state, input, now, null);

    /// <summary>
    /// As <see cref="Apply(TransformState, TransformInput, DateTimeOffset)"/>, but a chain of stateless numeric stages
    /// (map, scale, curves, invert, step) writes changed arguments into <paramref name="scratch"/> when it has exactly
    /// as many elements as the input, instead of into a new array; Emit then carries <paramref name="scratch"/> itself.
    /// The caller owns it: it must copy what it keeps before it passes the same array again. So a fader stream through
    /// such a chain allocates nothing.
    /// </summary>
    public TransformResult Apply(TransformState state, TransformInput input, DateTimeOffset now, OscArgument[]? scratch)
    {
        CheckState(state);

        if (_numeric is not null && input.Arguments is { } list && OscArgument.TryGetSpan(list, out ReadOnlySpan<OscArgument> span))
        {
            OscArgument[]? output = null;
            if (TryRunNumeric(_numeric, span, scratch is not null && scratch.Length == span.Length ? scratch : null, ref output))
            {
                return TransformResult.Emitted(output ?? list);
            }
        }

        var work = new ArgumentWork(
            input.Arguments ?? [],
            input.Address ?? string.Empty,
            input.Captures ?? TransformInput.NoCaptures);
        return Run(state, ref work, 0, now);
    }

    /// <summary>
    /// Whether every stage is a stateless numeric stage over all arguments (map, scale, curves, invert, step): such a
    /// chain keeps no state, never defers, and <see cref="TryApplyNumeric"/> runs it.
    /// </summary>
    internal bool IsNumeric => _numeric is not null;

    /// <summary>
    /// Runs a chain that <see cref="IsNumeric"/> on <paramref name="input"/> as <see cref="Apply(TransformState, TransformInput, DateTimeOffset, OscArgument[])"/>
    /// would, for a caller that keeps its own arrays: true when it emits, with <paramref name="changed"/> saying whether
    /// the arguments to send are in <paramref name="scratch"/> (exactly as many as the input; the caller's, overwritten
    /// each time) or are the input itself (no value changed, nothing written). False when a value cannot go through
    /// (not finite, does not fit) or the chain is not numeric: Apply then drops the message and says why.
    /// </summary>
    internal bool TryApplyNumeric(ReadOnlySpan<OscArgument> input, OscArgument[] scratch, out bool changed)
    {
        changed = false;
        if (_numeric is null || scratch.Length != input.Length)
        {
            return false;
        }

        OscArgument[]? output = null;
        if (!TryRunNumeric(_numeric, input, scratch, ref output))
        {
            return false;
        }

        changed = output is not null;
        return true;
    }

    /// <summary>
    /// Call at (or after) a Defer result's due time, or <see cref="TransformState.PendingDueAt"/>: sends the value the
    /// rate limit held (or a settling smoother's next step) through the rest of the chain and returns Emit, or
    /// Drop/Defer when a later stage says so. Called early, it answers Defer again with the due time; with nothing
    /// held, Drop.
    /// </summary>
    public TransformResult Flush(TransformState state, DateTimeOffset now)
    {
        CheckState(state);
        object?[] states = state.Stages;
        DateTimeOffset? earliest = null;
        for (int i = 0; i < states.Length; i++)
        {
            if (!TransformState.IsPending(states[i], out DateTimeOffset due))
            {
                continue;
            }

            if (due <= now)
            {
                if (states[i] is RateLimitState limit)
                {
                    var held = new ArgumentWork(limit.Held, limit.HeldAddress, limit.HeldCaptures);
                    limit.Release(now);
                    return Run(state, ref held, i + 1, now);
                }

                // A smoother that has not settled takes its next step from the message it last had, and goes on.
                var smooth = (SmoothState)states[i]!;
                ArgumentWork again = smooth.Recall();
                smooth.TickPending = false;
                return Run(state, ref again, i, now);
            }

            if (earliest is null || due < earliest)
            {
                earliest = due;
            }
        }

        return earliest is { } next ? TransformResult.Deferred(next) : TransformResult.Dropped(NothingHeld);
    }

    private TransformResult Run(TransformState state, ref ArgumentWork work, int start, DateTimeOffset now)
    {
        object?[] states = state.Stages;
        for (int i = start; i < _stages.Length; i++)
        {
            StageVerdict verdict;
            try
            {
                verdict = _stages[i].Run(ref work, states[i], now);
            }
            catch (Exception ex) when (ex is ArithmeticException or InvalidOperationException or ArgumentException)
            {
                // A guard, not a path: stages check their input, but no message may take the route down.
                return TransformResult.Dropped(_stages[i].Description + ": " + ex.Message);
            }

            switch (verdict)
            {
                case StageVerdict.Drop:
                    return TransformResult.Dropped(work.Reason ?? _stages[i].Description);
                case StageVerdict.Defer:
                    return TransformResult.Deferred(work.DueAt);
            }
        }

        return TransformResult.Emitted(work.Arguments);
    }

    /// <summary>
    /// What <see cref="Run"/> makes of <paramref name="input"/> for a chain of stateless numeric stages, without its
    /// per-stage argument lists: each numeric argument goes through every stage as a double, narrowed to its OSC type
    /// after each stage exactly as a stage writing it back would, and <paramref name="output"/> is set (to
    /// <paramref name="scratch"/> when given, else a new array) only when a value changed. False when a value cannot go through (not finite, does not fit, a stage throws): the general path then
    /// runs the message again, stage by stage, and names the first failure as it always has.
    /// </summary>
    private static bool TryRunNumeric(NumericStage[] stages, ReadOnlySpan<OscArgument> input, OscArgument[]? scratch, ref OscArgument[]? output)
    {
        try
        {
            return RunNumeric(stages, input, scratch, ref output);
        }
        catch (Exception ex) when (ex is ArithmeticException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// <see cref="TryRunNumeric"/> without its guard, apart so that the guard's handler does not keep this loop's
    /// values on the stack: the numbers stay in registers from reading to writing.
    /// </summary>
    private static bool RunNumeric(NumericStage[] stages, ReadOnlySpan<OscArgument> input, OscArgument[]? scratch, ref OscArgument[]? output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            ref readonly OscArgument argument = ref input[i];
            OscType type = argument.Type;
            if (type == OscType.Float32)
            {
                // What faders and sensors send, on a path of its own: one type test instead of one per step.
                float single = argument.AsFloat32();
                double value = single;
                foreach (NumericStage stage in stages)
                {
                    if (!double.IsFinite(value))
                    {
                        return false;
                    }

                    single = (float)stage.ComputeStateless(value, i);
                    if (!float.IsFinite(single))
                    {
                        return false;
                    }

                    value = single;
                }

                if (BitConverter.SingleToInt32Bits(single) != BitConverter.SingleToInt32Bits(argument.AsFloat32()))
                {
                    output ??= CopyAllBut(input, i, scratch);
                    output[i] = OscArgument.Float32(single);
                }

                continue;
            }

            if (Numbers.IsNumeric(type) && !RunNumber(stages, input, i, type, scratch, ref output))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="RunNumeric"/> for the argument at <paramref name="i"/>, a number of another type than float32: out of
    /// line, so the float path stays small where it is inlined.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool RunNumber(NumericStage[] stages, ReadOnlySpan<OscArgument> input, int i, OscType type, OscArgument[]? scratch, ref OscArgument[]? output)
    {
        ref readonly OscArgument argument = ref input[i];
        double x = Numbers.Read(in argument);
        double y = x;
        foreach (NumericStage stage in stages)
        {
            if (!double.IsFinite(x))
            {
                return false;
            }

            y = stage.ComputeStateless(x, i);
            if (!Numbers.TryNarrow(type, y, out x))
            {
                return false;
            }
        }

        if (!Numbers.Writes(type, y, in argument))
        {
            output ??= CopyAllBut(input, i, scratch);
            output[i] = Numbers.Write(type, y);
        }

        return true;
    }

    /// <summary>
    /// A copy of a few arguments but the one at <paramref name="skipped"/> (about to be written), into
    /// <paramref name="into"/> when given; an element loop beats Array.Copy's call and checks.
    /// </summary>
    private static OscArgument[] CopyAllBut(ReadOnlySpan<OscArgument> input, int skipped, OscArgument[]? into)
    {
        OscArgument[] copy = into ?? new OscArgument[input.Length];
        for (int i = 0; i < copy.Length; i++)
        {
            if (i != skipped)
            {
                copy[i] = input[i];
            }
        }

        return copy;
    }

    private void CheckState(TransformState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!ReferenceEquals(state.Chain, this))
        {
            throw new ArgumentException("This state was made by another transform chain; use the chain's own CreateState().", nameof(state));
        }
    }
}
