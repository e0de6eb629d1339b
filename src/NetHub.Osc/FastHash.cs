using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetHub.Osc;

/// <summary>
/// Quick 64-bit hashes for fixed-size tables that compare their entries on a hit (loop memory, caches): a few
/// multiply-and-shift rounds, eight bytes at a time, unseeded. They spread ordinary data well but do not resist chosen
/// collisions, so they must never key a structure that degrades when entries collide (use <see cref="HashCode"/> there).
/// </summary>
public static class FastHash
{
    private const ulong Seed = 0x9E3779B97F4A7C15UL;
    private const ulong M1 = 0xFF51AFD7ED558CCDUL;
    private const ulong M2 = 0xC4CEB9FE1A85EC53UL;

    /// <summary>Folds <paramref name="value"/> into <paramref name="hash"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong hash, ulong value)
    {
        hash = (hash ^ value) * M1;
        return hash ^ (hash >> 32);
    }

    /// <summary>A hash of <paramref name="bytes"/>.</summary>
    public static ulong Bytes(ReadOnlySpan<byte> bytes)
    {
        ulong hash = Seed ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash = Combine(hash, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = (hash ^ tail) * M2;
        return hash ^ (hash >> 29);
    }

    /// <summary>A hash of the characters of <paramref name="text"/>.</summary>
    public static ulong Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Bytes(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    /// <summary>A hash of <paramref name="arguments"/>, in order, consistent with <see cref="OscArgument.Equals(OscArgument)"/>.</summary>
    public static ulong Arguments(IReadOnlyList<OscArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (OscArgumentList.TryGetSpan(arguments, out ReadOnlySpan<OscArgument> span))
        {
            return Arguments(span);
        }

        ulong hash = Seed ^ (ulong)arguments.Count;
        for (int i = 0; i < arguments.Count; i++)
        {
            hash = Combine(hash, arguments[i].FastHash());
        }

        return hash;
    }

    /// <summary>A hash of <paramref name="arguments"/>, in order, consistent with <see cref="OscArgument.Equals(OscArgument)"/>.</summary>
    public static ulong Arguments(ReadOnlySpan<OscArgument> arguments)
    {
        ulong hash = Seed ^ (ulong)arguments.Length;
        foreach (OscArgument argument in arguments)
        {
            hash = Combine(hash, argument.FastHash());
        }

        return hash;
    }
}
