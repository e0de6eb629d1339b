namespace NetHub.Osc;

/// <summary>What a match covered, for route rewrites such as "/mixer/ch/*/fader" → "/desk/$1/level".</summary>
public sealed partial class OscAddressPattern
{
    /// <summary>
    /// Matches <paramref name="address"/> and fills <paramref name="captures"/>, in pattern order, with the address
    /// part matched by each pattern part that contains a wildcard, and with the parts each '//' crossed (one range
    /// for all of them, without the '/' around it; empty, at the start of the next part, when it crossed none).
    /// When a '//' could cross different numbers of parts, the earliest '//' crosses as few as possible.
    /// Ranges index into <paramref name="address"/>. When <paramref name="captures"/> is shorter than
    /// <see cref="CaptureCount"/> only the first ranges are written; <paramref name="captureCount"/> is the
    /// number written, and 0 on no match. Allocates nothing.
    /// </summary>
    public bool TryMatch(ReadOnlySpan<char> address, Span<Range> captures, out int captureCount)
    {
        captureCount = 0;
        if (!HasPathWildcard)
        {
            if (!IsMatch(address))
            {
                return false;
            }

            captureCount = CaptureParts(address, captures);
            return true;
        }

        // Twice the path length: where each segment's match began, then where it ended (see MatchPath).
        // Validation bounds the pattern to MaxLength characters, hence the path to MaxLength / 2 segments.
        Span<int> bounds = stackalloc int[2 * _path.Length];
        if (!MatchPath(address, bounds))
        {
            return false;
        }

        captureCount = CapturePath(bounds, captures);
        return true;
    }

    private int CaptureParts(ReadOnlySpan<char> address, Span<Range> captures)
    {
        int written = 0;
        int part = 0;
        int start = 1;
        while (written < _wildcardParts.Length && written < captures.Length)
        {
            int end = address[start..].IndexOf('/');
            end = end < 0 ? address.Length : start + end;
            if (part == _wildcardParts[written])
            {
                captures[written++] = new Range(start, end);
            }

            part++;
            start = end + 1;
        }

        return written;
    }

    private int CapturePath(ReadOnlySpan<int> bounds, Span<Range> captures)
    {
        int written = 0;
        for (int i = 0; i < _path.Length && written < captures.Length; i++)
        {
            if (_path[i].Kind == OscAddressPatternSegmentKind.PathWildcard)
            {
                // Syntax puts a part after every '//'; the crossed parts end just before that part's '/'.
                int start = bounds[i];
                int next = bounds[i + 1];
                captures[written++] = new Range(start, next > start ? next - 1 : start);
            }
            else if (_path[i].Captures)
            {
                captures[written++] = new Range(bounds[i], bounds[i + _path.Length]);
            }
        }

        return written;
    }
}
