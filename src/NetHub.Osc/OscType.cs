using System.Diagnostics.CodeAnalysis;

namespace NetHub.Osc;

/// <summary>
/// OSC type tags (OSC 1.0 "OSC Type Tag String", with the 1.1 required set T F N I and the optional
/// nonstandard tags). Each value is the tag's ASCII byte, so a tag read off the wire casts directly.
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "OSC 1.0 names its types int32, float32, string, int64, float64 and char.")]
public enum OscType : byte
{
    Int32 = (byte)'i',
    Float32 = (byte)'f',
    String = (byte)'s',
    Blob = (byte)'b',
    Int64 = (byte)'h',
    TimeTag = (byte)'t',
    Float64 = (byte)'d',
    Symbol = (byte)'S',
    Char = (byte)'c',
    Rgba = (byte)'r',
    Midi = (byte)'m',
    True = (byte)'T',
    False = (byte)'F',
    Nil = (byte)'N',

    /// <summary>Infinitum in OSC 1.0, Impulse ("bang") in OSC 1.1; same tag, no data.</summary>
    Impulse = (byte)'I',

    /// <summary>On an <see cref="OscArgument"/>: an array argument. On the wire and in readers: the '[' token.</summary>
    ArrayBegin = (byte)'[',

    /// <summary>The ']' token; only ever seen while reading, never the type of an <see cref="OscArgument"/>.</summary>
    ArrayEnd = (byte)']',
}
