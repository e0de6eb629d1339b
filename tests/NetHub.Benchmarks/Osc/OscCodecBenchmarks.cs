using System.Buffers;
using BenchmarkDotNet.Attributes;
using NetHub.Osc;

namespace NetHub.Benchmarks.Osc;

/// <summary>
/// performance.md 9.2 items 1, 3 and 5: one decode or one encode of each packet of <see cref="OscCodecCases"/>.
/// Decode is <see cref="OscMessageReader"/> / <see cref="OscBundleReader"/> TryRead plus reading every argument
/// value; a bundle is checked whole once and its messages read through the readers it hands out, as a receiver would. Encode is
/// <see cref="OscCodec.Encode(OscPacket, IBufferWriter{byte})"/> of a prebuilt packet into a reused buffer.
/// The anchor, liblo over the same packets, runs from bench/osc-codec.sh, which prints the ratios
/// (goal: liblo ns / NetHub ns ≥ 3 both ways). Allocated must read "-".
/// </summary>
[MemoryDiagnoser]
public class OscCodecBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private OscPacket _packet = null!;
    private byte[] _bytes = [];

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "cue";

    /// <summary>Every case, or those named in NETHUB_CODEC_CASES (comma-separated) for a quicker look at a few.</summary>
    public static IEnumerable<string> Cases =>
        Environment.GetEnvironmentVariable("NETHUB_CODEC_CASES") is { Length: > 0 } only ? only.Split(',') : OscCodecCases.Names;

    [GlobalSetup]
    public void Setup()
    {
        _packet = OscCodecCases.Build(Case);
        _bytes = OscCodec.Encode(_packet);
        if (Decode() == 0 || !OscCodec.Decode(_bytes).Equals(_packet))
        {
            throw new InvalidOperationException("the packet does not read back");
        }

        // bench/osc-codec.sh passes liblo's bytes for the same packets: the ratio means something only if they match.
        string? anchorPackets = Environment.GetEnvironmentVariable("NETHUB_LIBLO_PACKETS");
        if (anchorPackets is not null)
        {
            string expected = File.ReadLines(anchorPackets).Single(line => line.StartsWith(Case + " ", StringComparison.Ordinal))[(Case.Length + 1)..];
            if (!string.Equals(expected, Convert.ToHexStringLower(_bytes), StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"NetHub and liblo encode '{Case}' differently");
            }
        }
    }

    [Benchmark]
    public double Decode() => _bytes[0] == (byte)'#' ? ReadBundle(_bytes) : ReadMessage(_bytes);

    [Benchmark]
    public int Encode()
    {
        _output.ResetWrittenCount();
        OscCodec.Encode(_packet, _output);
        return _output.WrittenCount;
    }

    /// <summary>The bundle is checked once, whole; its messages are then read through the readers it hands out.</summary>
    private static double ReadBundle(ReadOnlySpan<byte> packet)
    {
        OscBundleReader.TryRead(packet, OscLimits.Default, out OscBundleReader bundle, out _);
        double sum = bundle.TimeTag.Fraction;
        while (bundle.TryReadNext(out _, out OscMessageReader message, out _))
        {
            sum += ReadArguments(ref message);
        }

        return sum;
    }

    private static double ReadMessage(ReadOnlySpan<byte> packet)
    {
        OscMessageReader.TryRead(packet, OscLimits.Default, out OscMessageReader reader, out _);
        return ReadArguments(ref reader);
    }

    /// <summary>Every argument's value, like the C harness's touch(): numbers, and a string's or blob's length and first byte.</summary>
    private static double ReadArguments(ref OscMessageReader reader)
    {
        double sum = reader.Address[1];
        while (reader.TryReadNext(out OscArgumentView argument))
        {
            switch (argument.Type)
            {
                case OscType.Int32:
                    sum += argument.GetInt32();
                    break;
                case OscType.Float32:
                    sum += argument.GetFloat32();
                    break;
                case OscType.String:
                case OscType.Blob:
                    ReadOnlySpan<byte> bytes = argument.GetBytes();
                    sum += bytes.Length + bytes[0];
                    break;
                default:
                    break;
            }
        }

        return sum;
    }
}
