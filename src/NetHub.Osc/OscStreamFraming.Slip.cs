using System.Buffers;

namespace NetHub.Osc;

/// <summary>
/// OSC 1.1 stream framing (NIME 2009 §4): SLIP, RFC 1055, with the double-END variant.
/// <code>
/// frame = END, escaped packet, END
/// escaped: 0xC0 (END) as 0xDB 0xDC, 0xDB (ESC) as 0xDB 0xDD, every other byte as itself
/// </code>
/// Consecutive ENDs are empty frames and are skipped, which is what lets a receiver join a stream mid-way.
/// </summary>
public static partial class OscStreamFraming
{
    private const byte SlipEnd = 0xC0;
    private const byte SlipEscape = 0xDB;
    private const byte SlipEscapedEnd = 0xDC;
    private const byte SlipEscapedEscape = 0xDD;

    /// <summary>
    /// Two passes over the first frame: one to find its closing END, its decoded length and any bad escape
    /// without writing, so a failed or incomplete frame leaves <paramref name="packet"/> untouched; one to unescape.
    /// </summary>
    private static OperationStatus TryReadSlip(ReadOnlySequence<byte> input, int maxPacketSize, IBufferWriter<byte> packet, out SequencePosition consumed, out OscError error)
    {
        consumed = input.Start;
        error = default;
        SlipScan scan = SlipScan.Run(input);
        if (scan.FrameEnd < 0)
        {
            if (scan.FrameStart >= 0 && scan.Length > maxPacketSize)
            {
                // No END yet, and the frame can only be dropped: let the caller discard what is buffered.
                consumed = input.End;
                error = new OscError(OscErrorReason.FrameTooLarge, ClampOffset(scan.FrameStart), scan.Length) { Bound = maxPacketSize };
                return OperationStatus.InvalidData;
            }

            return OperationStatus.NeedMoreData;
        }

        if (scan.BadEscapeAt >= 0 || scan.Length > maxPacketSize)
        {
            consumed = input.GetPosition(scan.FrameEnd + 1);
            error = scan.BadEscapeAt >= 0
                ? new OscError(OscErrorReason.BadSlipEscape, ClampOffset(scan.BadEscapeAt), scan.BadEscapeValue)
                : new OscError(OscErrorReason.FrameTooLarge, ClampOffset(scan.FrameStart), scan.Length) { Bound = maxPacketSize };
            return OperationStatus.InvalidData;
        }

        int length = (int)scan.Length;
        Unescape(input.Slice(scan.FrameStart, scan.FrameEnd - scan.FrameStart), packet.GetSpan(length));
        packet.Advance(length);
        consumed = input.GetPosition(scan.FrameEnd + 1);
        return OperationStatus.Done;
    }

    /// <summary>Unescapes a frame already checked by <see cref="SlipScan"/>: no END inside, every ESC followed by 0xDC or 0xDD.</summary>
    private static void Unescape(ReadOnlySequence<byte> frame, Span<byte> destination)
    {
        int written = 0;
        bool escaped = false;
        foreach (ReadOnlyMemory<byte> memory in frame)
        {
            ReadOnlySpan<byte> span = memory.Span;
            while (!span.IsEmpty)
            {
                if (escaped)
                {
                    destination[written++] = span[0] == SlipEscapedEnd ? SlipEnd : SlipEscape;
                    escaped = false;
                    span = span[1..];
                    continue;
                }

                int escape = span.IndexOf(SlipEscape);
                int plain = escape < 0 ? span.Length : escape;
                span[..plain].CopyTo(destination[written..]);
                written += plain;
                span = span[plain..];
                if (escape >= 0)
                {
                    escaped = true;
                    span = span[1..];
                }
            }
        }
    }

    private static void WriteSlip(ReadOnlySpan<byte> packet, Span<byte> frame)
    {
        frame[0] = SlipEnd;
        int written = 1;
        ReadOnlySpan<byte> rest = packet;
        int special;
        while ((special = rest.IndexOfAny(SlipEnd, SlipEscape)) >= 0)
        {
            rest[..special].CopyTo(frame[written..]);
            written += special;
            frame[written++] = SlipEscape;
            frame[written++] = rest[special] == SlipEnd ? SlipEscapedEnd : SlipEscapedEscape;
            rest = rest[(special + 1)..];
        }

        rest.CopyTo(frame[written..]);
        frame[written + rest.Length] = SlipEnd;
    }

    /// <summary>Where the first non-empty frame of a SLIP stream starts and ends; offsets relative to the input, -1 when absent.</summary>
    private struct SlipScan
    {
        public long FrameStart;
        public long FrameEnd;
        public long Length;
        public long BadEscapeAt;
        public byte BadEscapeValue;

        public static SlipScan Run(ReadOnlySequence<byte> input)
        {
            var scan = new SlipScan { FrameStart = -1, FrameEnd = -1, BadEscapeAt = -1 };
            long escapeAt = -1;
            long segmentStart = 0;
            foreach (ReadOnlyMemory<byte> memory in input)
            {
                if (scan.Segment(memory.Span, segmentStart, ref escapeAt))
                {
                    break;
                }

                segmentStart += memory.Length;
            }

            return scan;
        }

        /// <summary>Scans one segment; true once the closing END is found. <paramref name="escapeAt"/> carries an ESC across segments.</summary>
        private bool Segment(ReadOnlySpan<byte> span, long segmentStart, ref long escapeAt)
        {
            int i = 0;
            while (i < span.Length)
            {
                if (FrameStart < 0)
                {
                    int content = span[i..].IndexOfAnyExcept(SlipEnd);
                    if (content < 0)
                    {
                        return false;
                    }

                    i += content;
                    FrameStart = segmentStart + i;
                }

                if (escapeAt >= 0)
                {
                    byte next = span[i];
                    if (next is not (SlipEscapedEnd or SlipEscapedEscape) && BadEscapeAt < 0)
                    {
                        BadEscapeAt = escapeAt;
                        BadEscapeValue = next;
                    }

                    escapeAt = -1;
                    if (next == SlipEnd)
                    {
                        FrameEnd = segmentStart + i;
                        return true;
                    }

                    Length++;
                    i++;
                    continue;
                }

                ReadOnlySpan<byte> run = span[i..];
                int special = run.IndexOfAny(SlipEnd, SlipEscape);
                int plain = special < 0 ? run.Length : special;
                Length += plain;
                i += plain;
                if (special < 0)
                {
                    return false;
                }

                if (span[i] == SlipEnd)
                {
                    FrameEnd = segmentStart + i;
                    return true;
                }

                escapeAt = segmentStart + i;
                i++;
            }

            return false;
        }
    }
}
