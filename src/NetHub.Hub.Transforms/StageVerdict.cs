namespace NetHub.Hub.Transforms;

/// <summary>What one stage decided: pass the arguments to the next stage, stop the message, or hold it.</summary>
internal enum StageVerdict
{
    Continue,
    Drop,
    Defer,
}
