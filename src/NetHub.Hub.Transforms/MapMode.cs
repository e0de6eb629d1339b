namespace NetHub.Hub.Transforms;

/// <summary>What <c>map</c> does with an input outside its <c>in</c> range.</summary>
internal enum MapMode
{
    /// <summary>Hold it at the nearer end of the output range.</summary>
    Clamp,

    /// <summary>Fold it back into the range, as a rotary encoder that goes round.</summary>
    Wrap,

    /// <summary>Extend the line beyond the output range.</summary>
    None,
}
