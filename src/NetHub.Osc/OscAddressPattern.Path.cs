namespace NetHub.Osc;

/// <summary>The OSC 1.1 '//' path wildcard: matching part by part.</summary>
public sealed partial class OscAddressPattern
{
    /// <summary>
    /// Part by part for patterns with '//', which acts as a '*' over whole parts: the classic greedy glob over a
    /// sequence of parts, keeping only the latest '//' as backtrack point. That suffices because every other
    /// segment matches exactly one part, so O(pattern parts × address parts) segment matches at most.
    /// When <paramref name="starts"/> is not empty it receives, per segment, where its match began (and
    /// <c>starts[i + _path.Length]</c> where it ended); the last write per segment is the final match.
    /// </summary>
    private bool MatchPath(ReadOnlySpan<char> address, Span<int> starts)
    {
        if (address.IsEmpty || address[0] != '/')
        {
            return false;
        }

        OscAddressPatternSegment[] path = _path;
        bool record = !starts.IsEmpty;
        int segment = 0;
        int position = 1;
        int resume = -1;
        int resumePosition = 0;
        while (position <= address.Length)
        {
            if (segment < path.Length)
            {
                if (path[segment].Kind == OscAddressPatternSegmentKind.PathWildcard)
                {
                    if (record)
                    {
                        starts[segment] = position;
                    }

                    resume = ++segment;
                    resumePosition = position;
                    continue;
                }

                int end = address[position..].IndexOf('/');
                end = end < 0 ? address.Length : position + end;
                if (MatchSegment(path[segment], address[position..end]))
                {
                    if (record)
                    {
                        starts[segment] = position;
                        starts[segment + path.Length] = end;
                    }

                    segment++;
                    position = end + 1;
                    continue;
                }
            }

            // Let the latest '//' swallow one more part; when none is left the part after it cannot match.
            int skip = resume < 0 ? -1 : address[resumePosition..].IndexOf('/');
            if (skip < 0)
            {
                return false;
            }

            resumePosition += skip + 1;
            position = resumePosition;
            segment = resume;
        }

        return segment == path.Length;
    }
}
