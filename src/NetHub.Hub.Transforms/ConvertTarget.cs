namespace NetHub.Hub.Transforms;

/// <summary>The OSC type a <c>convert</c> transform produces.</summary>
internal enum ConvertTarget
{
    Int,
    Float,
    Double,
    String,
    Bool,
}
