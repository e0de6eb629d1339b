using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetHub.Osc;

/// <summary>Facts about the OSC 1.0 wire format shared by readers and writers.</summary>
internal static class OscWire
{
    /// <summary>Size of the fixed "#bundle\0" marker plus the time tag that opens every bundle.</summary>
    public const int BundleHeaderSize = 16;

    /// <summary>Data size of a type tag: 0, 4 or 8 for fixed sizes; <see cref="Variable"/> for s, S, b; <see cref="Unknown"/>.</summary>
    public const int Variable = V;

    public const int Unknown = U;

    private const sbyte V = -1;
    private const sbyte U = -2;

    /// <summary>Characters an address may not hold: controls, space and DEL. (IndexOfAnyInRange over chars allocates on .NET 10; this does not.)</summary>
    public static readonly SearchValues<char> AddressForbiddenChars = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u0020\u007F");

    /// <summary>"#bundle" and its NUL, the first 8 bytes of every bundle.</summary>
    public static ReadOnlySpan<byte> BundleMarker => "#bundle\0"u8;

    /// <summary>Bytes an OSC-string of <paramref name="byteCount"/> bytes takes: the text, 1 NUL, then NULs to a multiple of 4.</summary>
    public static int StringSize(int byteCount) => (byteCount + 4) & ~3;

    /// <summary>Bytes a blob's content of <paramref name="length"/> bytes takes with its 0 to 3 padding bytes.</summary>
    public static int Pad(int length) => (length + 3) & ~3;

    /// <summary>Data size of a type tag from <see cref="Sizes"/>, which has an entry for every byte (so no range check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DataSize(byte tag) => Sizes[tag];

    /// <summary>
    /// Length of the OSC-string at <paramref name="start"/> (up to its first NUL), or -1 if none follows. Strings
    /// start on a 4-byte boundary and packets are whole words, so the search goes a word at a time.
    /// </summary>
    public static int StringLength(ReadOnlySpan<byte> packet, int start)
    {
        int nul = FindNul(MemoryMarshal.Cast<byte, uint>(packet), start >> 2);
        return nul < 0 ? -1 : nul - start;
    }

    /// <summary>
    /// Byte index of the first NUL in <paramref name="words"/> from word <paramref name="word"/> on, or -1. Short
    /// strings, the usual case, end within a few words; longer ones go to the vectorised search.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindNul(ReadOnlySpan<uint> words, int word)
    {
        int end = Math.Min(words.Length, word + 8);
        for (int k = word; k < end; k++)
        {
            uint zeros = ZeroBytes(words[k]);
            if (zeros != 0)
            {
                return (4 * k) + FirstFlaggedByte(zeros);
            }
        }

        return end == words.Length ? -1 : FindNulFar(words, end);
    }

    /// <summary>
    /// Where the well-formed OSC-string (text, NUL, zero padding to the word's end) starting at word
    /// <paramref name="word"/> ends: the byte after its padding. <paramref name="nul"/> is its NUL's byte index,
    /// or -1 if the string is unterminated or its padding is not zero (the end is then meaningless). Short strings
    /// are checked a word at a time; past 8 words the NUL is found by the vectorised search.
    /// The end comes from the word the search stopped at, not from the NUL's place in it: a caller walking on to
    /// the next argument computes its position from the predicted loop exit instead of waiting for the bit search
    /// that finds the NUL, which only feeds the caller's checks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CheckedStringEnd(ReadOnlySpan<uint> words, int word, out int nul)
    {
        int end = word + 8;
        for (; (uint)word < (uint)words.Length; word++)
        {
            uint value = words[word];
            uint zeros = ZeroBytes(value);
            if (zeros != 0)
            {
                int first = FirstFlaggedByte(zeros);
                nul = RestIsZero(value, first) ? (4 * word) + first : -1;
                return (4 * word) + 4;
            }

            if (word == end)
            {
                nul = CheckedStringNulFar(words, word + 1);
                return (nul + 4) & ~3;
            }
        }

        nul = -1;
        return -1;
    }

    /// <summary>
    /// Where an OSC-string already checked, starting at word <paramref name="word"/>, ends (the byte after its
    /// padding), with <paramref name="nul"/> its NUL's byte index. The last byte of a string's last word is always
    /// zero (the NUL or padding) and no earlier word holds a zero, so one byte per word tells where the string
    /// ends; the end comes from the word the search stops at, so the next argument's position does not wait for
    /// the NUL's place in that word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CheckedEnd(ReadOnlySpan<uint> words, int word, out int nul)
    {
        uint lastByte = BitConverter.IsLittleEndian ? 0xFF000000u : 0x000000FFu;
        uint value;
        while (((value = words[word]) & lastByte) != 0)
        {
            word++;
        }

        nul = (4 * word) + FirstFlaggedByte(ZeroBytes(value));
        return (4 * word) + 4;
    }

    /// <summary>Whether the bytes of <paramref name="value"/> from memory index <paramref name="first"/> (0 to 3) on are all zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool RestIsZero(uint value, int first) => BitConverter.IsLittleEndian
        ? (value >> (8 * first)) == 0
        : (value << (8 * first)) == 0;

    /// <summary><see cref="CheckedStringEnd"/> for a long string, through the vectorised search.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CheckedStringNulFar(ReadOnlySpan<uint> words, int word)
    {
        int nul = FindNulFar(words, word);
        return nul >= 0 && PaddingIsZero(MemoryMarshal.AsBytes(words), nul) ? nul : -1;
    }

    /// <summary>The rest of a long string, through the vectorised search.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FindNulFar(ReadOnlySpan<uint> words, int word)
    {
        int nul = MemoryMarshal.AsBytes(words[word..]).IndexOf((byte)0);
        return nul < 0 ? -1 : (4 * word) + nul;
    }

    /// <summary>
    /// The high bit of each byte of <paramref name="word"/> that is zero, exactly (no borrow crosses bytes, unlike
    /// the shorter test), so it serves either byte order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ZeroBytes(uint word) => ~(((word & 0x7F7F7F7Fu) + 0x7F7F7F7Fu) | word | 0x7F7F7F7Fu);

    /// <summary>Index in memory order (0 to 3) of the first byte flagged in a per-byte high-bit mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FirstFlaggedByte(uint flags) => BitConverter.IsLittleEndian
        ? BitOperations.TrailingZeroCount(flags) >> 3
        : BitOperations.LeadingZeroCount(flags) >> 3;

    /// <summary>
    /// Flags (high bit per byte) the bytes of a word an address may not hold: below 0x21 (the NUL included) or 0x7F.
    /// Zero exactly when there is none; otherwise the lowest flagged byte is exact, higher ones may be borrow noise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AddressSpecialBytes(uint word)
    {
        uint del = word ^ 0x7F7F7F7Fu;
        return (((word - 0x21212121u) & ~word) | ((del - 0x01010101u) & ~del)) & 0x80808080u;
    }

    /// <summary>Whether the bytes after the NUL at <paramref name="nul"/> up to the next 4-byte boundary are all zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool PaddingIsZero(ReadOnlySpan<byte> packet, int nul)
    {
        if (BitConverter.IsLittleEndian)
        {
            uint word = MemoryMarshal.Read<uint>(packet.Slice(nul & ~3, 4));
            return ((ulong)word >> (8 * ((nul & 3) + 1))) == 0;
        }

        for (int i = nul + 1; (i & 3) != 0; i++)
        {
            if (packet[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a byte an address may not hold: a control character, space or DEL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsForbiddenInAddress(byte value) => value <= 0x20 || value == 0x7F;

    // Per byte: its data size as a tag, V for s S b, U for a tag OSC 1.0/1.1 does not define. A table keeps the
    // per-tag cost of the reader and the diagnosing checks to one load.
    private static ReadOnlySpan<sbyte> Sizes =>
    [
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0x00
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0x10
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0x20
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0x30
        U, U, U, U, U, U, 0, U, U, 0, U, U, U, U, 0, U, // 0x40 F I N
        U, U, U, V, 0, U, U, U, U, U, U, 0, U, 0, U, U, // 0x50 S T [ ]
        U, U, V, 4, 8, U, 4, U, 8, 4, U, U, U, 4, U, U, // 0x60 b c d f h i m
        U, U, 4, V, 8, U, U, U, U, U, U, U, U, U, U, U, // 0x70 r s t
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0x80
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0x90
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0xA0
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0xB0
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0xC0
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0xD0
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0xE0
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, // 0xF0
    ];
}
