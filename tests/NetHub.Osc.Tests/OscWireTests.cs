using System.Runtime.InteropServices;
using System.Text;

namespace NetHub.Osc.Tests;

/// <summary>
/// The string searches the validator and the readers walk with: the end they give comes from the word the search
/// stops at, so it must equal the end the NUL's place implies, for every length (the word-at-a-time path and the
/// vectorised path past 8 words alike).
/// </summary>
public sealed class OscWireTests
{
    [Fact]
    public void CheckedStringEnd_EveryLengthUpTo80_GivesTheNulAndThePaddedEnd()
    {
        for (int length = 0; length <= 80; length++)
        {
            // A word of something else before and after: the search starts at word 1 and must stop at the string's end.
            byte[] packet = Packet(length, out int start);
            ReadOnlySpan<uint> words = MemoryMarshal.Cast<byte, uint>(packet);

            int end = OscWire.CheckedStringEnd(words, start >> 2, out int nul);
            int checkedEnd = OscWire.CheckedEnd(words, start >> 2, out int checkedNul);

            Assert.Equal(start + length, nul);
            Assert.Equal(start + OscWire.StringSize(length), end);
            Assert.Equal(nul, checkedNul);
            Assert.Equal(end, checkedEnd);
        }
    }

    [Fact]
    public void CheckedStringEnd_NonZeroPaddingOrNoNul_GivesNoNul()
    {
        for (int length = 0; length <= 80; length++)
        {
            byte[] packet = Packet(length, out int start);
            int stringEnd = start + OscWire.StringSize(length);
            if (length % 4 != 3)
            {
                // The last padding byte of the string's last word set: the string is malformed.
                byte[] badPadding = (byte[])packet.Clone();
                badPadding[stringEnd - 1] = (byte)'x';
                OscWire.CheckedStringEnd(MemoryMarshal.Cast<byte, uint>(badPadding), start >> 2, out int badNul);
                Assert.Equal(-1, badNul);
            }

            // Cut before the word that holds the NUL: no end within the packet.
            byte[] cut = packet[..(stringEnd - 4)];
            OscWire.CheckedStringEnd(MemoryMarshal.Cast<byte, uint>(cut), start >> 2, out int cutNul);
            Assert.Equal(-1, cutNul);
        }
    }

    /// <summary>"/x\0\0", then a string of <paramref name="length"/> letters, NUL-padded, then one more word.</summary>
    private static byte[] Packet(int length, out int start)
    {
        start = 4;
        byte[] text = Encoding.ASCII.GetBytes(new string('a', length));
        byte[] packet = new byte[start + OscWire.StringSize(length) + 4];
        "/x"u8.CopyTo(packet);
        text.CopyTo(packet, start);
        packet[^4] = (byte)'z';
        return packet;
    }
}
