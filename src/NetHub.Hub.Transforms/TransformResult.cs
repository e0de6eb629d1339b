using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// The result of running a transform chain once. <see cref="TransformOutcome.Emit"/> carries the arguments to send;
/// <see cref="TransformOutcome.Drop"/> an empty list and a <paramref name="Reason"/> in words for the route's log and
/// counters; <see cref="TransformOutcome.Defer"/> an empty list and the instant (<paramref name="DueAt"/>) at which
/// the route calls <see cref="TransformChain.Flush"/>. <paramref name="DueAt"/> is <c>default</c> unless deferred.
/// </summary>
public readonly record struct TransformResult(TransformOutcome Outcome, IReadOnlyList<OscArgument> Arguments, DateTimeOffset DueAt, string? Reason)
{
    /// <summary>
    /// A repetition filter dropped the message (its <see cref="Reason"/> is <c>repeated value</c>): the filter doing its
    /// job, not a message the chain could not take, so a route notes it without a warning.
    /// </summary>
    internal bool IsRepeat => Outcome == TransformOutcome.Drop && string.Equals(Reason, RepetitionFilterStage.RepeatedReason, StringComparison.Ordinal);

    internal static TransformResult Emitted(IReadOnlyList<OscArgument> arguments) => new(TransformOutcome.Emit, arguments, default, null);

    internal static TransformResult Dropped(string reason) => new(TransformOutcome.Drop, [], default, reason);

    internal static TransformResult Deferred(DateTimeOffset dueAt) => new(TransformOutcome.Defer, [], dueAt, null);
}
