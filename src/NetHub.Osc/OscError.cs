using System.Globalization;

namespace NetHub.Osc;

/// <summary>
/// Why and where a packet or stream frame was rejected. <paramref name="Offset"/> is a byte offset in the packet
/// (for framing errors, in the stream input); <paramref name="Value"/> is what was found there (a tag byte, a
/// declared size, a count) and <see cref="Bound"/> what was allowed (a limit, or the bytes that remained).
/// <see cref="OscErrorReason"/> documents the meaning per reason.
/// </summary>
public readonly record struct OscError(OscErrorReason Reason, int Offset, long Value = 0)
{
    /// <summary>The limit that was exceeded, or how many bytes remained when more were declared.</summary>
    public long Bound { get; init; }

    /// <summary>One line for a technician, e.g. "unknown type tag 'x' at byte 12".</summary>
    public string Describe()
    {
        IFormatProvider c = CultureInfo.InvariantCulture;
        return Reason switch
        {
            OscErrorReason.Empty => "empty packet",
            OscErrorReason.NotMultipleOfFour => string.Format(c, "packet of {0} bytes is not a multiple of 4 (incomplete word at byte {1})", Value, Offset),
            OscErrorReason.PacketTooLarge => string.Format(c, "packet of {0} bytes is larger than the limit of {1} bytes", Value, Bound),
            OscErrorReason.NotAPacket => string.Format(c, "{0} at byte {1} starts neither a message ('/') nor a bundle ('#')", Byte(Value), Offset),
            OscErrorReason.WrongPacketKind => string.Format(c, "expected a {0} but byte {1} is {2}", Value == '#' ? "message" : "bundle", Offset, Byte(Value)),
            OscErrorReason.BadAddress => string.Format(c, "address contains {0} at byte {1} (allowed: printable ASCII and UTF-8 after '/')", Byte(Value), Offset),
            OscErrorReason.MissingTypeTagString => string.Format(c, "arguments without a type tag string at byte {0} (found {1}, expected ',')", Offset, Byte(Value)),
            OscErrorReason.UnterminatedString => string.Format(c, "string at byte {0} has no NUL terminator", Offset),
            OscErrorReason.BadPadding => string.Format(c, "padding byte at byte {0} is {1}, not 0x00", Offset, Byte(Value)),
            OscErrorReason.StringTooLong => string.Format(c, "string of {0} bytes at byte {1} is longer than the limit of {2}", Value, Offset, Bound),
            OscErrorReason.UnknownTypeTag => string.Format(c, "unknown type tag {0} at byte {1}", Byte(Value), Offset),
            OscErrorReason.TruncatedArgument => string.Format(c, "argument at byte {0} needs {1} bytes but only {2} remain", Offset, Value, Bound),
            OscErrorReason.TruncatedBlob => string.Format(c, "blob declares {0} bytes at byte {1} but only {2} remain", Value, Offset, Bound),
            OscErrorReason.BlobTooLarge => string.Format(c, "blob declares {0} bytes at byte {1}, more than the limit of {2}", Value, Offset, Bound),
            OscErrorReason.NegativeSize => string.Format(c, "blob declares a negative size ({0}) at byte {1}", Value, Offset),
            OscErrorReason.TooManyArguments => string.Format(c, "{0} type tags, more than the limit of {1} (at byte {2})", Value, Bound, Offset),
            OscErrorReason.UnbalancedArray => Value == ']'
                ? string.Format(c, "array end ']' at byte {0} closes no array", Offset)
                : string.Format(c, "array begin '[' at byte {0} is never closed", Offset),
            OscErrorReason.ArrayTooDeep => string.Format(c, "arrays nested deeper than {0} at byte {1}", Bound, Offset),
            OscErrorReason.BadBundleHeader => string.Format(c, "bad bundle header at byte {0} (expected \"#bundle\", a NUL and an 8-byte time tag)", Offset),
            OscErrorReason.TruncatedBundle => string.Format(c, "bundle element declares {0} bytes at byte {1} but only {2} remain", Value, Offset, Bound),
            OscErrorReason.BadElementSize => string.Format(c, "bundle element size {0} at byte {1} is not a positive multiple of 4", Value, Offset),
            OscErrorReason.BundleTooDeep => string.Format(c, "bundle nested deeper than {0} at byte {1}", Bound, Offset),
            OscErrorReason.TrailingBytes => string.Format(c, "{0} unexpected bytes after the last argument at byte {1}", Value, Offset),
            OscErrorReason.FrameTooLarge => string.Format(c, "stream frame at byte {0} is larger than the packet limit of {1} bytes ({2} bytes)", Offset, Bound, Value),
            OscErrorReason.BadFrameSize => string.Format(c, "stream frame size {0} at byte {1} is negative or not a multiple of 4", Value, Offset),
            OscErrorReason.BadSlipEscape => string.Format(c, "SLIP escape 0xDB at byte {0} is followed by {1} (expected 0xDC or 0xDD)", Offset, Byte(Value)),
            _ => string.Format(c, "{0} at byte {1} (value {2})", Reason, Offset, Value),
        };
    }

    // Printable tags read best quoted ('x'); anything else as hex so control bytes stay visible.
    private static string Byte(long value) => value is >= 0x21 and < 0x7F
        ? string.Create(CultureInfo.InvariantCulture, $"'{(char)value}'")
        : string.Create(CultureInfo.InvariantCulture, $"0x{value & 0xFF:X2}");
}
