namespace NetHub.Transports;

/// <summary>
/// How a text endpoint turns received bytes into a payload, and text into bytes when sending. UTF-8 is
/// what JSON and modern tools send; Latin-1 suits older devices that send accented characters as single
/// bytes; bytes keeps binary protocols intact for a transform to decode.
/// </summary>
public enum TextEncoding
{
    /// <summary>Valid UTF-8 becomes a text payload; anything else is delivered as bytes and counted as InvalidText.</summary>
    Utf8,

    /// <summary>Every byte is one character (ISO 8859-1); never invalid.</summary>
    Latin1,

    /// <summary>Always a bytes payload.</summary>
    Bytes,
}
