namespace NetHub.Osc;

/// <summary>
/// Bounds every OSC decoder enforces, so a hostile or broken sender cannot make a reader allocate, recurse or
/// scan without limit. The defaults admit anything a show-control sender plausibly produces.
/// </summary>
public sealed record OscLimits
{
    /// <summary>Deepest bundle or array nesting that may be configured; readers recurse this deep at most.</summary>
    internal const int MaxNesting = 64;

    private readonly int _maxPacketSize = 65536;
    private readonly int _maxBundleDepth = 8;
    private readonly int _maxArguments = 1024;
    private readonly int _maxArrayDepth = 8;
    private readonly int _maxStringLength = 16384;
    private readonly int _maxBlobLength = 65536;

    public static OscLimits Default { get; } = new();

    /// <summary>Bytes of one packet: a UDP datagram or one stream frame. Default 65536.</summary>
    public int MaxPacketSize
    {
        get => _maxPacketSize;
        init => _maxPacketSize = Positive(value);
    }

    /// <summary>Nesting of bundles; a top-level bundle is depth 1. Default 8, at most 64.</summary>
    public int MaxBundleDepth
    {
        get => _maxBundleDepth;
        init => _maxBundleDepth = Depth(value, 1);
    }

    /// <summary>Type tags per message, array brackets included. Default 1024.</summary>
    public int MaxArguments
    {
        get => _maxArguments;
        init => _maxArguments = NonNegative(value);
    }

    /// <summary>Nesting of '[' arrays; 0 rejects every array. Default 8, at most 64.</summary>
    public int MaxArrayDepth
    {
        get => _maxArrayDepth;
        init => _maxArrayDepth = Depth(value, 0);
    }

    /// <summary>Bytes of one string, symbol or address, without terminator and padding. Default 16384.</summary>
    public int MaxStringLength
    {
        get => _maxStringLength;
        init => _maxStringLength = NonNegative(value);
    }

    /// <summary>Bytes of one blob's content. Default 65536.</summary>
    public int MaxBlobLength
    {
        get => _maxBlobLength;
        init => _maxBlobLength = NonNegative(value);
    }

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }

    private static int NonNegative(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return value;
    }

    private static int Depth(int value, int min)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxNesting);
        return value;
    }
}
