namespace NetHub.Hub.Transforms;

/// <summary>The response of a <c>curve</c> transform.</summary>
internal enum CurveShape
{
    Linear,
    Log,
    Exp,
    Breakpoints,
}
