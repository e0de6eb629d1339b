using NetHub.Osc;

namespace NetHub.Benchmarks.Osc;

/// <summary>
/// The codec message set of performance.md 9.2. bench/liblo/codec_bench.c builds the same packets; keep both in
/// step (its "--dump" prints the bytes, which must equal NetHub's encoding of these).
/// </summary>
public static class OscCodecCases
{
    public static readonly string[] Names = ["cue", "fader", "mixed", "bundle"];

    public static OscPacket Build(string name) => name switch
    {
        "cue" => Cue(),
        "fader" => Fader(),
        "mixed" => Mixed(),
        "bundle" => new OscBundle(new OscTimeTag(0xe8754700, 0x80000000), Cue(), Fader(), Mixed(), new OscMessage("/light/7/intensity", 0.5f)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown codec case"),
    };

    private static OscMessage Cue() => new("/cue/go", 1);

    private static OscMessage Fader() => new("/mixer/ch/12/fader", 0.75f);

    private static OscMessage Mixed()
    {
        byte[] blob = new byte[32];
        for (int i = 0; i < blob.Length; i++)
        {
            blob[i] = (byte)i;
        }

        return new OscMessage("/a/b/c", 42, 3.5f, "hello", OscArgument.Blob(blob));
    }
}
