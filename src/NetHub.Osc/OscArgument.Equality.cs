namespace NetHub.Osc;

/// <summary>
/// Value equality as the wire sees it: floats and doubles compare by bits (a NaN equals itself after a round trip,
/// +0 differs from -0), blobs by content, arrays item by item.
/// </summary>
public readonly partial struct OscArgument
{
    public bool Equals(OscArgument other)
    {
        OscType type = Type;
        if (type != other.Type)
        {
            return false;
        }

        return type switch
        {
            OscType.String or OscType.Symbol => string.Equals((string)_object!, (string)other._object!, StringComparison.Ordinal),
            OscType.Blob => AsBlob().Span.SequenceEqual(other.AsBlob().Span),
            OscType.ArrayBegin => ItemsEqual(Items, other.Items),
            _ => _bits == other._bits,
        };
    }

    public override bool Equals(object? obj) => obj is OscArgument other && Equals(other);

    public override int GetHashCode()
    {
        OscType type = Type;
        var hash = default(HashCode);
        hash.Add(type);
        switch (type)
        {
            case OscType.String or OscType.Symbol:
                hash.Add((string)_object!, StringComparer.Ordinal);
                break;
            case OscType.Blob:
                hash.AddBytes(AsBlob().Span);
                break;
            case OscType.ArrayBegin:
                foreach (OscArgument item in Items)
                {
                    hash.Add(item);
                }

                break;
            default:
                hash.Add(_bits);
                break;
        }

        return hash.ToHashCode();
    }

    /// <summary>
    /// A quick, unseeded 64-bit hash of the type and value, consistent with <see cref="Equals(OscArgument)"/>, for
    /// fixed-size tables that compare on a hit (see <see cref="NetHub.Osc.FastHash"/>); <see cref="GetHashCode"/> is the
    /// one for dictionaries.
    /// </summary>
    public ulong FastHash()
    {
        OscType type = Type;
        ulong value = type is OscType.String or OscType.Symbol or OscType.Blob or OscType.ArrayBegin ? ContentHash(type) : (ulong)_bits;
        return Osc.FastHash.Combine((ulong)type, value);
    }

    /// <summary>The hash of what a text, blob or array argument refers to: out of line, so the numbers' hash stays small where it is inlined.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private ulong ContentHash(OscType type) => type switch
    {
        OscType.String or OscType.Symbol => Osc.FastHash.Text((string)_object!),
        OscType.Blob => Osc.FastHash.Bytes(AsBlob().Span),
        _ => Osc.FastHash.Arguments(Items),
    };

    public static bool operator ==(OscArgument left, OscArgument right) => left.Equals(right);

    public static bool operator !=(OscArgument left, OscArgument right) => !left.Equals(right);

    internal static bool ItemsEqual(ReadOnlySpan<OscArgument> left, ReadOnlySpan<OscArgument> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (!left[i].Equals(right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
