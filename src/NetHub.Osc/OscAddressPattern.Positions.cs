using System.Buffers;

namespace NetHub.Osc;

/// <summary>Matching parts that hold "{...}" among other elements.</summary>
public sealed partial class OscAddressPattern
{
    /// <summary>
    /// Any elements including "{...}" (whose alternatives differ in width, which defeats the greedy argument):
    /// tracks the set of text positions reachable after each element, as a byte per position within the window
    /// [low, high] that can be reached. O(text × elements × alternatives), no backtracking.
    /// </summary>
    private bool MatchPositions(ReadOnlySpan<OscAddressPatternToken> tokens, ReadOnlySpan<char> text)
    {
        int size = text.Length + 1;
        byte[]? rented = null;
        Span<byte> buffer = size <= StackLimit ? stackalloc byte[2 * size] : (rented = ArrayPool<byte>.Shared.Rent(2 * size));
        try
        {
            return RunPositions(tokens, text, buffer[..size], buffer.Slice(size, size));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private bool RunPositions(ReadOnlySpan<OscAddressPatternToken> tokens, ReadOnlySpan<char> text, Span<byte> current, Span<byte> next)
    {
        int n = text.Length;
        current[0] = 1;
        int low = 0;
        int high = 0;
        foreach (ref readonly OscAddressPatternToken token in tokens)
        {
            int nextLow = int.MaxValue;
            int nextHigh = -1;
            switch (token.Kind)
            {
                case OscAddressPatternTokenKind.Set:
                    for (int p = low; p <= high && p < n; p++)
                    {
                        bool reached = current[p] != 0 && token.Matches(text[p]);
                        next[p + 1] = reached ? (byte)1 : (byte)0;
                        if (reached)
                        {
                            nextLow = Math.Min(nextLow, p + 1);
                            nextHigh = p + 1;
                        }
                    }

                    break;
                case OscAddressPatternTokenKind.Star:
                    bool running = false;
                    for (int q = low; q <= n; q++)
                    {
                        if (q <= high && current[q] != 0)
                        {
                            running = true;
                        }
                        else if (!running && q > high)
                        {
                            break;
                        }

                        next[q] = running ? (byte)1 : (byte)0;
                        if (running)
                        {
                            nextLow = Math.Min(nextLow, q);
                            nextHigh = q;
                            running = q < n && IsStarChar(text[q]);
                        }
                    }

                    break;
                default:
                    OscAddressPatternAlternatives group = _alternatives[token.Alternatives];
                    next[low..Math.Min(n + 1, high + group.MaxLength + 1)].Clear();
                    for (int p = low; p <= high; p++)
                    {
                        if (current[p] == 0)
                        {
                            continue;
                        }

                        foreach (string option in group.Options)
                        {
                            if (text[p..].StartsWith(option))
                            {
                                next[p + option.Length] = 1;
                                nextLow = Math.Min(nextLow, p + option.Length);
                                nextHigh = Math.Max(nextHigh, p + option.Length);
                            }
                        }
                    }

                    break;
            }

            if (nextHigh < 0)
            {
                return false;
            }

            Span<byte> swap = current;
            current = next;
            next = swap;
            low = nextLow;
            high = nextHigh;
        }

        return high == n && current[n] != 0;
    }
}
