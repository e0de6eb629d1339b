using System.Globalization;
using System.Text;

namespace NetHub.Osc;

/// <summary>
/// Text in the form liblo's oscdump prints, so a technician can compare NetHub's log with a capture taken by
/// oscdump on the same network.
/// </summary>
public readonly partial struct OscArgument
{
    /// <summary>
    /// oscdump's form of one argument: <c>1</c>, <c>3.500000</c> (C's "%f", also for 'd'), <c>"hello"</c>,
    /// <c>'sym</c> (symbol), <c>'x'</c> (char), <c>MIDI [0x01 0x02 0x03 0x04]</c>, <c>RGBA [0x11 0x22 0x33 0x44]</c>,
    /// <c>#T</c>, <c>#F</c>, <c>Nil</c>, <c>Infinitum</c>, <c>[3b 0x61 0x62 0x63]</c> (blob), <c>e8754700.80000000</c>
    /// (time tag), <c>[ 1 2 ]</c> (array).
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    internal void AppendTo(StringBuilder text)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        switch (Type)
        {
            case OscType.Int32:
            case OscType.Int64:
                text.Append(_bits.ToString(c));
                break;
            case OscType.Float32:
                AppendFixed(text, AsFloat32());
                break;
            case OscType.Float64:
                AppendFixed(text, AsFloat64());
                break;
            case OscType.String:
                text.Append('"').Append(AsString()).Append('"');
                break;
            case OscType.Symbol:
                text.Append('\'').Append(AsString());
                break;
            case OscType.Char:
                text.Append('\'').Append(AsChar()).Append('\'');
                break;
            case OscType.TimeTag:
                text.Append(AsTimeTag().ToString());
                break;
            case OscType.Midi:
                AppendBytes(text.Append("MIDI "), _bits);
                break;
            case OscType.Rgba:
                AppendBytes(text.Append("RGBA "), _bits);
                break;
            case OscType.True:
                text.Append("#T");
                break;
            case OscType.False:
                text.Append("#F");
                break;
            case OscType.Nil:
                text.Append("Nil");
                break;
            case OscType.Impulse:
                text.Append("Infinitum");
                break;
            case OscType.Blob:
                AppendBlob(text, AsBlob().Span);
                break;
            default:
                text.Append('[');
                foreach (OscArgument item in Items)
                {
                    item.AppendTo(text.Append(' '));
                }

                text.Append(" ]");
                break;
        }
    }

    // C's "%f": six decimals, and nan/inf spelled as printf spells them. A float is widened first, as C does.
    private static void AppendFixed(StringBuilder text, double value)
    {
        if (double.IsNaN(value))
        {
            text.Append(BitConverter.DoubleToInt64Bits(value) < 0 ? "-nan" : "nan");
        }
        else if (double.IsInfinity(value))
        {
            text.Append(value < 0 ? "-inf" : "inf");
        }
        else
        {
            text.Append(value.ToString("F6", CultureInfo.InvariantCulture));
        }
    }

    // liblo prints a blob of up to 12 bytes as "[3b 0x61 0x62 0x63]" (C's "%#02x": a zero byte is "00", others have
    // no leading zero) and a longer one as "[13 byte blob]". An empty blob is "[0b ]".
    private const int MaxPrintedBlobBytes = 12;

    private static void AppendBlob(StringBuilder text, ReadOnlySpan<byte> blob)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        if (blob.Length > MaxPrintedBlobBytes)
        {
            text.Append('[').Append(blob.Length.ToString(c)).Append(" byte blob]");
            return;
        }

        text.Append('[').Append(blob.Length.ToString(c)).Append("b ");
        for (int i = 0; i < blob.Length; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(blob[i] == 0 ? "00" : "0x" + blob[i].ToString("x", c));
        }

        text.Append(']');
    }

    private static void AppendBytes(StringBuilder text, long bits)
    {
        text.Append('[');
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            text.Append("0x").Append(((byte)(bits >> shift)).ToString("x2", CultureInfo.InvariantCulture));
            text.Append(shift == 0 ? "]" : " ");
        }
    }
}
