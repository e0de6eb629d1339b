namespace NetHub.Osc;

/// <summary>
/// Why a packet or frame was rejected. The comment on each value says what <see cref="OscError.Offset"/>,
/// <see cref="OscError.Value"/> and <see cref="OscError.Bound"/> hold for it.
/// </summary>
public enum OscErrorReason
{
    /// <summary>The packet has no bytes.</summary>
    Empty,

    /// <summary>Packet length is not a multiple of 4. Offset: start of the incomplete word; Value: the length.</summary>
    NotMultipleOfFour,

    /// <summary>Offset 0; Value: the packet length; Bound: <see cref="OscLimits.MaxPacketSize"/>.</summary>
    PacketTooLarge,

    /// <summary>First byte is neither '/' nor '#'. Value: that byte.</summary>
    NotAPacket,

    /// <summary>A message reader was given a bundle or a bundle reader a message. Value: the first byte.</summary>
    WrongPacketKind,

    /// <summary>The address has a byte below 0x21 or 0x7F. Value: that byte.</summary>
    BadAddress,

    /// <summary>Data follows the address but does not start with ','. Value: the byte found instead.</summary>
    MissingTypeTagString,

    /// <summary>No NUL before the end of the packet. Offset: where the string starts.</summary>
    UnterminatedString,

    /// <summary>A padding byte is not zero. Offset: that byte; Value: its value.</summary>
    BadPadding,

    /// <summary>Offset: where the string starts; Value: its length; Bound: <see cref="OscLimits.MaxStringLength"/>.</summary>
    StringTooLong,

    /// <summary>Offset: the tag in the type tag string; Value: the tag byte.</summary>
    UnknownTypeTag,

    /// <summary>Offset: where the argument's data starts; Value: bytes it needs; Bound: bytes left.</summary>
    TruncatedArgument,

    /// <summary>Offset: the blob's size field; Value: the declared size; Bound: bytes left after the size field.</summary>
    TruncatedBlob,

    /// <summary>Offset: the blob's size field; Value: the declared size; Bound: <see cref="OscLimits.MaxBlobLength"/>.</summary>
    BlobTooLarge,

    /// <summary>Offset: the blob's size field; Value: the declared size.</summary>
    NegativeSize,

    /// <summary>Offset: the first tag over the limit; Value: the number of tags; Bound: <see cref="OscLimits.MaxArguments"/>.</summary>
    TooManyArguments,

    /// <summary>Offset: a ']' that closes nothing, or the outermost '[' never closed; Value: that tag byte.</summary>
    UnbalancedArray,

    /// <summary>Offset: the '[' over the limit; Value: its depth; Bound: <see cref="OscLimits.MaxArrayDepth"/>.</summary>
    ArrayTooDeep,

    /// <summary>The bundle does not start with "#bundle\0" and an 8-byte time tag. Offset: the first byte that does not fit.</summary>
    BadBundleHeader,

    /// <summary>Offset: an element's size field; Value: the declared size; Bound: bytes left after the size field.</summary>
    TruncatedBundle,

    /// <summary>An element size is zero, negative or not a multiple of 4. Offset: the size field; Value: the size.</summary>
    BadElementSize,

    /// <summary>Offset: the nested bundle over the limit; Value: its depth; Bound: <see cref="OscLimits.MaxBundleDepth"/>.</summary>
    BundleTooDeep,

    /// <summary>Bytes after a message's last argument. Offset: the first of them; Value: how many.</summary>
    TrailingBytes,

    /// <summary>A stream frame is larger than the packet limit. Value: its size (or the bytes seen so far); Bound: the limit.</summary>
    FrameTooLarge,

    /// <summary>A size prefix is negative or not a multiple of 4. Value: the size.</summary>
    BadFrameSize,

    /// <summary>A SLIP ESC (0xDB) is followed by something other than 0xDC or 0xDD. Offset: the ESC; Value: the byte after it.</summary>
    BadSlipEscape,
}
