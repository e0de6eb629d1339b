namespace NetHub.Hub.Transforms;

/// <summary>Which multiple <c>step</c> picks: the nearest (halves away from zero), the one below or the one above.</summary>
internal enum StepMode
{
    Round,
    Floor,
    Ceil,
}
