namespace NetHub.Messages;

/// <summary>What converting a value to OSC does with NaN and infinity.</summary>
public enum NonFiniteFloats
{
    /// <summary>Send them as they are; OSC floats carry NaN and infinity.</summary>
    Keep,

    /// <summary>NaN becomes 0, infinities stay (the TouchDesigner examples' validate_osc_data), for receivers that choke on NaN.</summary>
    NanToZero,

    /// <summary>Refuse the value with an error naming it.</summary>
    Reject,
}
