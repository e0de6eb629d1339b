using System.Buffers;
using System.Globalization;

namespace NetHub.Osc.Tests;

/// <summary>Byte-level helpers for codec tests: hex literals and multi-segment sequences.</summary>
internal static class OscBytes
{
    /// <summary>Parses hex pairs, ignoring spaces and '|' (used to show atom boundaries); "'text'" adds ASCII.</summary>
    public static byte[] Hex(string text)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is ' ' or '|' or '\n')
            {
                continue;
            }

            if (c == '\'')
            {
                int end = text.IndexOf('\'', i + 1);
                bytes.AddRange(text[(i + 1)..end].Select(ch => (byte)ch));
                i = end;
                continue;
            }

            bytes.Add(byte.Parse(text.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            i++;
        }

        return [.. bytes];
    }

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>A sequence over <paramref name="data"/> cut into segments at the given offsets (ascending).</summary>
    public static ReadOnlySequence<byte> Split(byte[] data, params int[] cuts)
    {
        if (cuts.Length == 0)
        {
            return new ReadOnlySequence<byte>(data);
        }

        var first = new Segment(data.AsMemory(0, cuts[0]), 0);
        Segment last = first;
        for (int i = 0; i < cuts.Length; i++)
        {
            int start = cuts[i];
            int end = i + 1 < cuts.Length ? cuts[i + 1] : data.Length;
            last = last.Append(data.AsMemory(start, end - start));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Every byte in its own segment.</summary>
    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] data) =>
        data.Length <= 1 ? new ReadOnlySequence<byte>(data) : Split(data, [.. Enumerable.Range(1, data.Length - 1)]);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
