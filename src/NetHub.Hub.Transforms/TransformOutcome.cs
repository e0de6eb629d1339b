namespace NetHub.Hub.Transforms;

/// <summary>
/// What a route does with a transformed message: send it now, send nothing (a filter or bad input stopped it), or
/// wait for a rate limit and call <see cref="TransformChain.Flush"/> at the result's due time.
/// </summary>
public enum TransformOutcome
{
    /// <summary>Send the result's arguments now.</summary>
    Emit,

    /// <summary>Send nothing; the result's reason says why.</summary>
    Drop,

    /// <summary>A rate limit holds the value (latest wins); call <see cref="TransformChain.Flush"/> at the result's due time.</summary>
    Defer,
}
